/**
 * Runs a script inside a container the way setup scripts and checks both need: the script travels on
 * stdin (no quoting problems, any size), is written to a temp file so its shebang is honoured (a script
 * without one runs under sh), and the whole thing runs under coreutils `timeout` so an overrun is
 * killed inside the container rather than merely abandoned. Needs `timeout` and `mktemp` in the image
 * (coreutils or busybox).
 */
import type { ContainerRuntime, ExecResult } from "../docker/runtime";

/**
 * coreutils `timeout` exits 124 when it stopped the command and 137 when it had to SIGKILL after the grace
 * period; busybox's (images without coreutils) exits 143, the code of the SIGTERM it sent.
 */
const TIMEOUT_EXIT_CODES = new Set([124, 137, 143]);
const KILL_GRACE_SECONDS = 2;

const LAUNCHER = 'f=$(mktemp) && cat > "$f" && chmod 700 "$f" && { "$f"; rc=$?; rm -f "$f"; exit $rc; }';

export interface ScriptRun extends ExecResult {
  durationMs: number;
}

export async function runScript(
  runtime: ContainerRuntime,
  containerId: string,
  script: string,
  opts: { timeoutMs: number; env?: Record<string, string>; maxOutputBytes?: number },
): Promise<ScriptRun> {
  const seconds = Math.max(1, Math.ceil(opts.timeoutMs / 1000));
  const started = Date.now();
  const result = await runtime.exec(containerId, {
    cmd: ["timeout", "-k", String(KILL_GRACE_SECONDS), String(seconds), "sh", "-c", LAUNCHER],
    stdin: script,
    env: opts.env,
    maxOutputBytes: opts.maxOutputBytes,
    // Backstop only: `timeout` inside the container should always end the exec first.
    timeoutMs: (seconds + KILL_GRACE_SECONDS + 5) * 1000,
  });
  const durationMs = Date.now() - started;
  const timedOut = result.timedOut || (TIMEOUT_EXIT_CODES.has(result.exitCode) && durationMs >= seconds * 1000);
  return { ...result, timedOut, durationMs };
}
