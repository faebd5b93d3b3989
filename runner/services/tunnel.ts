/**
 * A two-way byte tunnel to a port inside a host: everything that reaches a lab's web service (HTTP
 * exchanges in http-exchange.ts, WebSockets in api/service-upgrade.ts) flows through one. The runner cannot
 * open a connection to a host itself: hosts sit on internal bridges its network namespace has no route to
 * (see runner/environment/security.ts), and that isolation is the point. So it execs a tiny relay *inside*
 * the host that connects to 127.0.0.1:<port> and copies bytes both ways until either side closes. The
 * relay is whichever of bash (/dev/tcp), perl or busybox nc the image has (one of them is in nearly every
 * image: Debian/Ubuntu, Alpine, busybox-based ones); the exec is non-TTY, so bytes pass untouched.
 */
import type { ContainerRuntime, PipedExec } from "../docker/runtime";
import { ServiceError } from "./errors";

export type RelayTool = "bash" | "perl" | "busybox";
export const RELAY_TOOLS: readonly RelayTool[] = ["bash", "perl", "busybox"];

/** Exit code of the relay for "nothing accepts connections on that port". */
const NOT_LISTENING = 97;
/** Exit code of the relay script when the image has none of the tools. */
const NO_TOOL = 98;
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

/** The sh script, run with the port as $1, that execs the first of `tools` the image has. */
export function tunnelScript(tools: readonly RelayTool[] = RELAY_TOOLS): string {
  const tries = tools.map((t) => `if command -v ${t} >/dev/null 2>&1; then ${COMMANDS[t]}; fi`);
  return [...tries, `echo "no relay tool (${tools.join(", ")}) in this image" >&2; exit ${NO_TOOL}`].join("\n");
}

/** Opens the tunnel: bytes written to `stdin` reach 127.0.0.1:`port` in the container, its answers come out of `stdout`. */
export function openTunnel(runtime: ContainerRuntime, containerId: string, port: number, tools?: readonly RelayTool[]): Promise<PipedExec> {
  return runtime.execPipe(containerId, { cmd: ["timeout", "-k", "2", String(MAX_SECONDS), "sh", "-c", tunnelScript(tools), "tunnel", String(port)] });
}

/** Why a tunnel ended before the service sent a single byte, from the relay's exit. */
export function tunnelFailure(exit: { exitCode: number | null; stderr: string }, port: number): ServiceError {
  const stderr = exit.stderr.trim();
  if (exit.exitCode === NOT_LISTENING || /refused|can't connect/i.test(stderr)) {
    return new ServiceError("not_listening", `nothing accepts connections on port ${port} in this host (is the service running?)`);
  }
  if (exit.exitCode === NO_TOOL) return new ServiceError("no_relay", `cannot reach port ${port}: ${stderr}; the host image needs bash, perl or busybox`);
  if (exit.exitCode !== 0) return new ServiceError("bad_response", `the tunnel to port ${port} ended (exit ${exit.exitCode}): ${stderr.slice(0, 300)}`);
  return new ServiceError("bad_response", `the service on port ${port} closed the connection without answering`);
}
