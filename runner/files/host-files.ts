/**
 * Editor file access inside a host container: list one directory level, read and write files, confined
 * to the lab's allowed roots. Every request first resolves the path AND the roots with `realpath` inside
 * the container (one exec), so a symlink such as /root/lab/x -> /etc/shadow is judged by where it
 * really points and refused; the operation then uses the resolved path. Reads go through base64 so
 * binary bytes survive the exec's text output; writes go through copyFiles (Docker's putArchive), which
 * keeps the file's mode and owner.
 *
 * Scope of the guarantee: the learner is root in their own container and could swap a path component
 * for a symlink between our check and our use; that can only redirect us elsewhere inside the same
 * container (Docker resolves archive paths within the container's rootfs), never onto the runner host.
 * The roots are an editor boundary for the lab, not a wall against the container's own root user.
 */
import type { ContainerRuntime } from "../docker";
import { classifyContent, type FileContent } from "./content";
import { FileAccessError } from "./errors";
import { isWithin, normalisePath } from "./paths";

export const MAX_FILE_BYTES = 1024 * 1024;
const MAX_ENTRIES = 2000;
const EXEC_TIMEOUT_MS = 15_000;

export type EntryType = "file" | "directory" | "symlink" | "other";

export interface DirEntry {
  name: string;
  type: EntryType;
  size: number;
  mode: number;
}

export interface Listing {
  path: string;
  entries: DirEntry[];
  /** More than MAX_ENTRIES entries; the rest were left out. */
  truncated: boolean;
}

export type ReadResult = { path: string; size: number; mode: number } & FileContent;

interface Stat {
  type: EntryType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
}

interface Resolved {
  path: string;
  target: Stat | null;
  parent: Stat | null;
}

// Prints the resolved arguments NUL-separated, then tagged stats of the resolved target and its parent.
const RESOLVE_SCRIPT = `
realpath -m -z -- "$@" || exit 3
t=$(realpath -m -- "$1")
printf 'T%s\\0' "$(stat -c '%F/%s/%a/%u/%g' -- "$t" 2>/dev/null)"
printf 'P%s\\0' "$(stat -c '%F/%s/%a/%u/%g' -- "$(dirname -- "$t")" 2>/dev/null)"
`;

const LIST_SCRIPT = `find "$1" -mindepth 1 -maxdepth 1 -printf '%y/%s/%m/%P\\0' 2>/dev/null | head -z -n ${MAX_ENTRIES + 1}`;

function parseStat(text: string): Stat | null {
  if (text === "") return null;
  const [kind = "", size, mode, uid, gid] = text.split("/");
  const type: EntryType = kind.startsWith("regular") ? "file" : kind === "directory" ? "directory" : kind === "symbolic link" ? "symlink" : "other";
  return { type, size: Number(size), mode: parseInt(mode ?? "", 8), uid: Number(uid), gid: Number(gid) };
}

const FIND_TYPES: Record<string, EntryType> = { f: "file", d: "directory", l: "symlink" };

export class HostFiles {
  constructor(private readonly runtime: ContainerRuntime) {}

  async list(containerId: string, path: string, roots: readonly string[]): Promise<Listing> {
    const dir = await this.resolve(containerId, path, roots);
    if (!dir.target) throw new FileAccessError("not_found", `${path} does not exist`);
    if (dir.target.type !== "directory") throw new FileAccessError("wrong_type", `${path} is not a directory`);
    const out = await this.run(containerId, ["sh", "-c", LIST_SCRIPT, "praxis-list", dir.path], 4 * 1024 * 1024);
    const records = out.split("\0").filter((r) => r !== "");
    const entries = records.slice(0, MAX_ENTRIES).map((record): DirEntry => {
      const [type = "", size, mode, ...name] = record.split("/");
      return { name: name.join("/"), type: FIND_TYPES[type] ?? "other", size: Number(size), mode: parseInt(mode ?? "", 8) };
    });
    entries.sort((a, b) => Number(b.type === "directory") - Number(a.type === "directory") || a.name.localeCompare(b.name));
    return { path: dir.path, entries, truncated: records.length > MAX_ENTRIES };
  }

  async read(containerId: string, path: string, roots: readonly string[]): Promise<ReadResult> {
    const file = await this.resolve(containerId, path, roots);
    if (!file.target) throw new FileAccessError("not_found", `${path} does not exist`);
    if (file.target.type !== "file") throw new FileAccessError("wrong_type", `${path} is not a regular file`);
    if (file.target.size > MAX_FILE_BYTES) throw new FileAccessError("too_large", `${path} is ${file.target.size} bytes; the editor opens files up to ${MAX_FILE_BYTES}`);
    // Cap the base64 output just above the limit so a file that grew since stat is caught, not streamed.
    const encoded = await this.run(containerId, ["base64", "-w0", "--", file.path], Math.ceil((MAX_FILE_BYTES * 4) / 3) + 8, true);
    const bytes = Buffer.from(encoded, "base64");
    if (bytes.length > MAX_FILE_BYTES) throw new FileAccessError("too_large", `${path} grew beyond ${MAX_FILE_BYTES} bytes`);
    return { path: file.path, size: bytes.length, mode: file.target.mode, ...classifyContent(bytes) };
  }

  /** Writes (creating or replacing) a file; an existing file keeps its mode and owner. */
  async write(containerId: string, path: string, roots: readonly string[], content: Uint8Array): Promise<{ path: string; size: number }> {
    if (content.length > MAX_FILE_BYTES) throw new FileAccessError("too_large", `content is ${content.length} bytes; the limit is ${MAX_FILE_BYTES}`);
    const file = await this.resolve(containerId, path, roots);
    if (file.target && file.target.type !== "file") throw new FileAccessError("wrong_type", `${path} is not a regular file`);
    if (!file.parent) throw new FileAccessError("not_found", `the directory of ${path} does not exist`);
    if (file.parent.type !== "directory") throw new FileAccessError("wrong_type", `the parent of ${path} is not a directory`);
    const owner = file.target ?? file.parent; // new files belong to the directory's owner, like an editor save would
    await this.runtime.copyFiles(containerId, [
      { path: file.path, content, mode: file.target?.mode ?? 0o644, uid: owner.uid, gid: owner.gid },
    ]);
    return { path: file.path, size: content.length };
  }

  /** Normalises the request, resolves it and the roots inside the container, and enforces confinement. */
  private async resolve(containerId: string, path: string, roots: readonly string[]): Promise<Resolved> {
    const requested = normalisePath(path);
    if (roots.length === 0) throw new FileAccessError("outside_root", "this host has no editable paths");
    const normalisedRoots = roots.map(normalisePath);
    const out = await this.run(containerId, ["sh", "-c", RESOLVE_SCRIPT, "praxis-resolve", requested, ...normalisedRoots], 64 * 1024);
    const fields = out.split("\0");
    const resolved = fields.slice(0, 1 + normalisedRoots.length);
    const target = fields.find((f) => f.startsWith("T"));
    const parent = fields.find((f) => f.startsWith("P"));
    if (resolved.length !== 1 + normalisedRoots.length || target === undefined || parent === undefined) {
      throw new Error(`unexpected output resolving ${requested} in ${containerId}: ${JSON.stringify(out.slice(0, 200))}`);
    }
    const [real, ...realRoots] = resolved as [string, ...string[]];
    if (!realRoots.some((root) => isWithin(real, root))) {
      const via = real === requested ? "" : ` (it resolves to ${real})`;
      throw new FileAccessError("outside_root", `${requested} is outside the editable paths ${normalisedRoots.join(", ")}${via}`);
    }
    return { path: real, target: parseStat(target.slice(1)), parent: parseStat(parent.slice(1)) };
  }

  private async run(containerId: string, cmd: string[], maxOutputBytes: number, failOnTruncation = false): Promise<string> {
    const r = await this.runtime.exec(containerId, { cmd, timeoutMs: EXEC_TIMEOUT_MS, maxOutputBytes });
    if (r.timedOut) throw new Error(`${cmd[0]} in ${containerId} timed out after ${EXEC_TIMEOUT_MS} ms`);
    if (r.truncated && failOnTruncation) throw new FileAccessError("too_large", `output of ${cmd[0]} exceeded ${maxOutputBytes} bytes`);
    if (r.exitCode !== 0) throw new Error(`${cmd[0]} in ${containerId} exited ${r.exitCode}: ${r.stderr.trim().slice(0, 300)}`);
    return r.stdout;
  }
}
