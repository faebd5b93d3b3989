import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LockTimeoutError, withFileLock } from './file-lock';

async function lockPath(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'praxis-lock-test-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return path.join(dir, 'x.lock');
}

test('holders run one at a time and the lock file is removed afterwards', async (t) => {
  const lock = await lockPath(t);
  const events: string[] = [];
  const holder = (name: string) =>
    withFileLock(lock, async () => {
      events.push(`${name}:in`);
      await sleep(30);
      events.push(`${name}:out`);
    }, { pollMs: 5 });
  await Promise.all([holder('a'), holder('b')]);
  assert.deepEqual(events.map((e) => e.split(':')[1]), ['in', 'out', 'in', 'out']);
  assert.equal(existsSync(lock), false);
});

test('a stale lock is broken, a fresh one times out', async (t) => {
  const lock = await lockPath(t);
  await writeFile(lock, '999999\n');
  const old = new Date(Date.now() - 60_000);
  await utimes(lock, old, old);
  assert.equal(await withFileLock(lock, async () => 'ran', { staleMs: 10_000 }), 'ran');

  await writeFile(lock, '999999\n');
  await assert.rejects(withFileLock(lock, async () => 'never', { timeoutMs: 50, pollMs: 10 }), LockTimeoutError);
});

test('the lock is released when the work fails', async (t) => {
  const lock = await lockPath(t);
  await assert.rejects(withFileLock(lock, async () => Promise.reject(new Error('boom'))), /boom/);
  assert.equal(existsSync(lock), false);
});
