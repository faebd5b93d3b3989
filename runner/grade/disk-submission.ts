/**
 * The disk side of SubmissionSource for the CLI. Files are read one by one as the lab's `grading` names
 * them, so a submission folder may hold anything else (a whole repository); only a `build` context is
 * walked, with the limits of submission.ts. Symbolic links are not followed, so nothing outside the
 * submission folder can be handed to a host.
 */
import { lstat, readdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import { SUBMISSION_LIMITS, SubmissionUnreadable, type SubmissionSource } from "./submission";

export function diskSubmission(dir: string): SubmissionSource {
  return {
    async read(relative) {
      const file = await inside(dir, relative);
      const info = file === undefined ? undefined : await lstat(file).catch(() => undefined);
      if (!file || !info?.isFile()) return undefined;
      if (info.size > SUBMISSION_LIMITS.bytes) throw new SubmissionUnreadable(`${relative} is larger than ${SUBMISSION_LIMITS.bytes / 1024 / 1024} MiB`);
      return new Uint8Array(await readFile(file));
    },
    async filesUnder(relative) {
      const start = await inside(dir, relative);
      if (!start) return [];
      return walk(dir, relative === "." ? "" : relative);
    },
  };
}

/** The absolute path of a relative one, or undefined when it does not exist or leads out (through a link). */
async function inside(dir: string, relative: string): Promise<string | undefined> {
  const root = await realpath(dir);
  const target = path.join(root, ...relative.split("/"));
  const real = await realpath(target).catch(() => undefined);
  if (real === undefined || (real !== root && !real.startsWith(`${root}${path.sep}`))) return undefined;
  return real === target ? target : undefined;
}

async function walk(root: string, from: string): Promise<string[]> {
  const files: string[] = [];
  let bytes = 0;
  const visit = async (rel: string): Promise<void> => {
    const entries = await readdir(path.join(root, rel), { withFileTypes: true });
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await visit(child);
      else if (entry.isFile()) {
        files.push(child);
        bytes += (await lstat(path.join(root, child))).size;
        if (files.length > SUBMISSION_LIMITS.files || bytes > SUBMISSION_LIMITS.bytes) {
          throw new SubmissionUnreadable(`the build context ${from || "."} holds more than ${SUBMISSION_LIMITS.files} files or ${SUBMISSION_LIMITS.bytes / 1024 / 1024} MiB`);
        }
      }
    }
  };
  await visit(from);
  return files.sort();
}
