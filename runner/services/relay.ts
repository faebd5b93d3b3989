/**
 * Relays one HTTP exchange to a port inside a host. The runner cannot open a connection to a host:
 * hosts sit on internal bridges the runner's network namespace has no route to (see
 * runner/environment/security.ts), and that isolation is the point. So the runner execs a tiny relay
 * *inside* the host that connects to 127.0.0.1:<port>, writes the request from stdin and copies the
 * answer to stdout until the service closes the connection. The exec is non-TTY with demultiplexed,
 * undecoded stdout, so bodies stay byte-exact. The relay uses whichever of bash (/dev/tcp), perl or
 * busybox's nc the image has (one of them is in nearly every image: Debian/Ubuntu, Alpine, distroless-ish
 * busybox ones), and runs under `timeout` so a service that never answers cannot pin an exec.
 */
import type { ContainerRuntime } from "../docker/runtime";

export type ServiceErrorKind = "not_listening" | "timed_out" | "too_large" | "no_relay" | "bad_response";

export class ServiceError extends Error {
  override readonly name = "ServiceError";
  constructor(readonly kind: ServiceErrorKind, message: string) {
    super(message);
  }
}

export type RelayTool = "bash" | "perl" | "busybox";
export const RELAY_TOOLS: readonly RelayTool[] = ["bash", "perl", "busybox"];

/** Exit code of the relay (and the tunnel) for "nothing accepts connections on that port". */
export const NOT_LISTENING = 97;
const NO_TOOL = 98;

const PERL = [
  'use IO::Socket::INET; my $s = IO::Socket::INET->new(PeerAddr => "127.0.0.1", PeerPort => $ARGV[0], Proto => "tcp") or exit 97;',
  "binmode STDIN; binmode STDOUT; binmode $s;",
  "sub put { my ($fh, $b) = @_; my $o = 0; while ($o < length $b) { my $n = syswrite($fh, $b, length($b) - $o, $o); return 0 unless defined $n; $o += $n } 1 }",
  "my $b; while (sysread(STDIN, $b, 65536)) { put($s, $b) or last } while (sysread($s, $b, 65536)) { put(\\*STDOUT, $b) or last }",
].join(" ");

const COMMANDS: Record<RelayTool, string> = {
  bash: `exec bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" || exit ${NOT_LISTENING}; cat >&3; cat <&3' relay "$1"`,
  perl: `exec perl -e '${PERL}' "$1"`,
  busybox: `exec busybox nc 127.0.0.1 "$1"`,
};

/** An sh script, run with the port as $1, that execs the first of `tools` the image has. */
export function firstToolScript(commands: Readonly<Record<RelayTool, string>>, tools: readonly RelayTool[]): string {
  const tries = tools.map((t) => `if command -v ${t} >/dev/null 2>&1; then ${commands[t]}; fi`);
  return [...tries, `echo "no relay tool (${tools.join(", ")}) in this image" >&2; exit ${NO_TOOL}`].join("\n");
}

/** The sh script run in the host with the port as $1; the first available tool wins. */
export function relayScript(tools: readonly RelayTool[] = RELAY_TOOLS): string {
  return firstToolScript(COMMANDS, tools);
}

export interface RelayOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  /** Which tools to try, in order (tests pin one). */
  tools?: readonly RelayTool[];
}

/** Sends `request` to 127.0.0.1:`port` inside the container and returns the raw response bytes. */
export async function relayHttp(runtime: ContainerRuntime, containerId: string, port: number, request: Uint8Array, opts: RelayOptions): Promise<Uint8Array> {
  const seconds = Math.max(1, Math.ceil(opts.timeoutMs / 1000));
  const result = await runtime.exec(containerId, {
    cmd: ["timeout", "-k", "2", String(seconds), "sh", "-c", relayScript(opts.tools), "relay", String(port)],
    stdin: request,
    rawStdout: true,
    maxOutputBytes: opts.maxResponseBytes,
    timeoutMs: (seconds + 7) * 1000,
  });
  const where = `port ${port}`;
  if (result.timedOut || result.exitCode === 124 || result.exitCode === 137) throw new ServiceError("timed_out", `the service on ${where} did not finish answering within ${seconds}s`);
  if (result.truncated) throw new ServiceError("too_large", `the service's answer on ${where} is larger than ${opts.maxResponseBytes} bytes`);
  const bytes = result.stdoutBytes ?? new Uint8Array();
  if (result.exitCode === NOT_LISTENING || (bytes.length === 0 && /refused|can't connect/i.test(result.stderr))) {
    throw new ServiceError("not_listening", `nothing accepts connections on ${where} in this host (is the service running?)`);
  }
  if (result.exitCode === NO_TOOL) throw new ServiceError("no_relay", `cannot reach ${where}: ${result.stderr.trim()}; the host image needs bash, perl or busybox`);
  if (bytes.length === 0 && result.exitCode !== 0) throw new ServiceError("bad_response", `relaying to ${where} failed (exit ${result.exitCode}): ${result.stderr.trim().slice(0, 300)}`);
  return bytes;
}
