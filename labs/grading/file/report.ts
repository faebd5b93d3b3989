/**
 * What the runner's in-host program found at a path: nothing, or the output of `stat` (type, mode, owner,
 * size) followed by the first bytes of the content when the check reads it. Sections as in ../sections.ts;
 * the content section comes last and is taken verbatim.
 */
import { parseSections } from "../sections";

export interface FileFacts {
  /** "file", "directory", or stat's own words for anything else ("symbolic link", "fifo", …). */
  type: string;
  /** Permission bits (including setuid/setgid/sticky), e.g. 0o644. */
  mode: number;
  uid: number;
  gid: number;
  /** Names, or undefined when the id has no entry in the host's passwd/group. */
  user?: string;
  group?: string;
  size: number;
  /** The content (regular files, when asked for); `truncated` when the file is bigger than what was read. */
  content?: string;
  truncated: boolean;
}

export type FileReport = { exists: false } | ({ exists: true } & FileFacts) | { error: string };

/** `stat -L -c '%F|%a|%u|%g|%U|%G|%s'` output, or "absent". */
export function parseFileReport(output: string, contentCap: number): FileReport {
  const sections = parseSections(output, "content");
  const stat = sections.get("stat")?.trim();
  if (stat === undefined) return { error: sections.get("error")?.trim() || "the file could not be examined" };
  if (stat === "absent") return { exists: false };
  const parts = stat.split("|");
  if (parts.length < 7) return { error: `could not read stat's output: ${JSON.stringify(stat)}` };
  const [kind, mode, uid, gid, user, group, size] = parts as [string, string, string, string, string, string, string];
  const content = sections.get("content");
  const bytes = Number(size);
  return {
    exists: true,
    type: kind.startsWith("regular") ? "file" : kind,
    mode: Number.parseInt(mode, 8),
    uid: Number(uid),
    gid: Number(gid),
    ...(user !== "UNKNOWN" && user !== "" && { user }),
    ...(group !== "UNKNOWN" && group !== "" && { group }),
    size: bytes,
    ...(content !== undefined && { content }),
    truncated: content !== undefined && bytes > contentCap,
  };
}
