/**
 * Pure path rules for editor file access: a requested path must be absolute, free of NUL bytes and of
 * `..` segments (refused outright rather than resolved — a client that sends them is either confused or
 * probing), and is normalised (duplicate and trailing slashes, `.` segments) before any use. Confinement
 * is decided on paths already resolved inside the container (see host-files.ts), never on the raw input.
 */
import { FileAccessError } from "./errors";

const MAX_PATH_BYTES = 4096;

/** Normalises an absolute POSIX path; throws FileAccessError("bad_path") for anything suspicious. */
export function normalisePath(input: string): string {
  if (input.length === 0 || input.length > MAX_PATH_BYTES) throw new FileAccessError("bad_path", `path must be 1..${MAX_PATH_BYTES} characters`);
  if (input.includes("\0")) throw new FileAccessError("bad_path", "path contains a NUL byte");
  if (!input.startsWith("/")) throw new FileAccessError("bad_path", `path must be absolute: ${JSON.stringify(input)}`);
  const segments = input.split("/").filter((s) => s !== "" && s !== ".");
  if (segments.includes("..")) throw new FileAccessError("bad_path", `path must not contain "..": ${JSON.stringify(input)}`);
  return `/${segments.join("/")}`;
}

/** True when `path` is `root` or lies below it (both normalised). */
export function isWithin(path: string, root: string): boolean {
  if (root === "/") return true;
  return path === root || path.startsWith(`${root}/`);
}
