/**
 * A cross-process lock made of a file created with O_EXCL, so two Praxis processes starting at once
 * (web and runner, or two `praxis` commands) do not both migrate one SQLite file. PostgreSQL needs
 * none of this: Prisma Migrate takes an advisory lock there. A lock older than `staleMs` is taken
 * to belong to a crashed process and is broken.
 */
import { open, rm, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FileLockOptions {
  /** Give up after this long (ms). */
  timeoutMs?: number;
  /** Break a lock file whose mtime is older than this (ms). */
  staleMs?: number;
  pollMs?: number;
}

export class LockTimeoutError extends Error {
  override readonly name = 'LockTimeoutError';
  constructor(readonly lockFile: string, timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms waiting for lock ${lockFile}; if no other Praxis process is running, delete it`);
  }
}

export async function withFileLock<T>(lockFile: string, work: () => Promise<T>, options: FileLockOptions = {}): Promise<T> {
  const { timeoutMs = 120_000, staleMs = 300_000, pollMs = 100 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(lockFile, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const age = await lockAge(lockFile);
    if (age !== undefined && age > staleMs) {
      await rm(lockFile, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new LockTimeoutError(lockFile, timeoutMs);
    await sleep(pollMs);
  }
  try {
    return await work();
  } finally {
    await rm(lockFile, { force: true });
  }
}

async function lockAge(lockFile: string): Promise<number | undefined> {
  try {
    return Date.now() - (await stat(lockFile)).mtimeMs;
  } catch {
    return undefined; // released between our attempt and the stat: just retry
  }
}
