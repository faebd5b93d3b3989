/**
 * SessionRecordStore in one JSON file in the runner's data directory (one file per runner id, so two
 * runners sharing a data dir never clobber each other). The file is small (one entry per live session
 * that was extended or claimed), so every change rewrites it whole: written to a temp file and renamed,
 * so a crash leaves the old or the new content, never half of it. Writes are queued one at a time.
 */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SessionRecord, SessionRecordStore } from "./records";

export class FileRecordStore implements SessionRecordStore {
  private cache: Map<string, SessionRecord> | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(readonly file: string) {}

  static forRunner(dataDir: string, runnerId: string): FileRecordStore {
    return new FileRecordStore(path.join(dataDir, `runner-${runnerId}-sessions.json`));
  }

  async all(): Promise<ReadonlyMap<string, SessionRecord>> {
    return new Map(await this.load());
  }

  put(sessionId: string, record: SessionRecord): Promise<void> {
    return this.change((m) => m.set(sessionId, { ...record }));
  }

  remove(sessionId: string): Promise<void> {
    return this.change((m) => m.delete(sessionId));
  }

  private change(apply: (m: Map<string, SessionRecord>) => void): Promise<void> {
    const run = this.queue.then(async () => {
      const records = await this.load();
      apply(records);
      await mkdir(path.dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      await writeFile(tmp, `${JSON.stringify({ version: 1, sessions: Object.fromEntries(records) }, null, 2)}\n`, { mode: 0o600 });
      await rename(tmp, this.file);
    });
    this.queue = run.catch(() => {});
    return run;
  }

  private async load(): Promise<Map<string, SessionRecord>> {
    if (this.cache) return this.cache;
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
      return (this.cache = new Map());
    }
    const parsed = JSON.parse(text) as { version?: number; sessions?: Record<string, SessionRecord> };
    if (parsed.version !== 1 || typeof parsed.sessions !== "object" || parsed.sessions === null) {
      throw new Error(`${this.file}: not a runner session-record file (expected {"version": 1, "sessions": {...}})`);
    }
    return (this.cache = new Map(Object.entries(parsed.sessions)));
  }
}
