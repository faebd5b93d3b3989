/**
 * A long-lived, two-way byte tunnel to a port inside a host, for what one relayed request/response cannot
 * carry: WebSockets (and any other HTTP Upgrade). Like relay.ts it runs a tiny relay *inside* the host,
 * because the runner has no route to a host's network, but both directions flow at once and the tunnel
 * lasts until either side closes. bash (/dev/tcp), perl or busybox nc, whichever the image has.
 */
import type { ContainerRuntime, PipedExec } from "../docker/runtime";
import { firstToolScript, NOT_LISTENING, RELAY_TOOLS, type RelayTool } from "./relay";
/** A tunnel never outlives this (the environment's own lifetime usually ends it first). */
const MAX_SECONDS = 8 * 3600;

// Each direction is its own process; when one ends (client or service closed) the other is stopped, so the
// service sees its connection close and the exec ends. stdin is duplicated to fd 4 first because a
// background job of a non-interactive shell would otherwise read /dev/null.
const BASH = [
  `exec 3<>"/dev/tcp/127.0.0.1/$1" || exit ${NOT_LISTENING}`,
  "exec 4<&0",
  "cat <&3 & r=$!",
  "cat <&4 >&3 & w=$!",
  "wait -n",
  "kill $r $w 2>/dev/null",
  "exit 0",
].join("\n");

const PERL = [
  `use IO::Socket::INET; my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $ARGV[0], Proto => "tcp") or exit ${NOT_LISTENING};`,
  "binmode STDIN; binmode STDOUT; binmode $s; $| = 1;",
  "sub pump { my ($from, $to) = @_; my $b; while (sysread($from, $b, 65536)) { my $o = 0; while ($o < length $b) { my $n = syswrite($to, $b, length($b) - $o, $o); return unless defined $n; $o += $n } } }",
  // The child copies the service's answers out and, when the service closes, ends the parent (blocked on stdin).
  "my $pid = fork(); if ($pid == 0) { pump($s, \\*STDOUT); kill 'TERM', getppid(); exit 0 } pump(\\*STDIN, $s); kill 'TERM', $pid; exit 0",
].join(" ");

const COMMANDS: Record<RelayTool, string> = {
  bash: `exec bash -c '${BASH}' tunnel "$1"`,
  perl: `exec perl -e '${PERL}' "$1"`,
  busybox: `exec busybox nc 127.0.0.1 "$1"`,
};

export function tunnelScript(tools: readonly RelayTool[] = RELAY_TOOLS): string {
  return firstToolScript(COMMANDS, tools);
}

/** Opens the tunnel: bytes written to `stdin` reach 127.0.0.1:`port` in the container, its answers come out of `stdout`. */
export function openTunnel(runtime: ContainerRuntime, containerId: string, port: number, tools?: readonly RelayTool[]): Promise<PipedExec> {
  return runtime.execPipe(containerId, { cmd: ["timeout", "-k", "2", String(MAX_SECONDS), "sh", "-c", tunnelScript(tools), "tunnel", String(port)] });
}
