/**
 * Running commands inside a node container, the way kind does it (`docker exec` into the node), with
 * failures turned into ClusterError messages that end with the command's own last output lines,
 * which is where kubeadm and kubectl explain what went wrong.
 */
import type { Readable } from "node:stream";
import type { ContainerRuntime } from "../docker/runtime";

export class ClusterError extends Error {
  override readonly name = "ClusterError";
}

export interface NodeExecOptions {
  stdin?: string | Readable;
  timeoutMs?: number;
}

const TAIL_LINES = 15;

export function tail(text: string, lines = TAIL_LINES): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}

/** Runs `cmd` in the node; resolves with stdout, throws ClusterError on a non-zero exit or timeout. */
export async function inNode(runtime: ContainerRuntime, node: { name: string; containerId: string }, cmd: string[], opts: NodeExecOptions = {}): Promise<string> {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  const r = await runtime.exec(node.containerId, { cmd, stdin: opts.stdin, timeoutMs, maxOutputBytes: 4 * 1024 * 1024 });
  if (r.timedOut) throw new ClusterError(`${node.name}: \`${cmd.join(" ")}\` did not finish within ${timeoutMs / 1000}s`);
  if (r.exitCode !== 0) {
    const output = tail(`${r.stdout}\n${r.stderr}`);
    throw new ClusterError(`${node.name}: \`${cmd.join(" ")}\` failed with exit code ${r.exitCode}${output ? `:\n${output}` : ""}`);
  }
  return r.stdout;
}

/** Writes a file inside the node through stdin (no tar, so it also works before systemd is up). */
export async function writeNodeFile(runtime: ContainerRuntime, node: { name: string; containerId: string }, path: string, content: string): Promise<void> {
  const dir = path.slice(0, path.lastIndexOf("/")) || "/";
  await inNode(runtime, node, ["sh", "-c", `mkdir -p '${dir}' && cat > '${path}'`], { stdin: content });
}

/** Polls `probe` until it returns true or `timeoutMs` passes; the error names what was awaited. */
export async function waitFor(what: string, timeoutMs: number, probe: () => Promise<boolean>, intervalMs = 1000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe().catch(() => false)) return;
    if (Date.now() >= deadline) throw new ClusterError(`timed out after ${Math.round(timeoutMs / 1000)}s waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
