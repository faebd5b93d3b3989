import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { DatabaseConfigError, migrateDatabase, openDatabase, type PrismaClient } from './db';
import { listLocalMigrations } from './migration-status';
import { SQLITE_FILE_NAME } from './target';
import { assertCrudRoundTrip } from './test-support/crud-round-trip';
import { schemaMatchesMigrations } from './test-support/schema-sync';

const execFileAsync = promisify(execFile);
const MIGRATIONS_DIR = path.join(import.meta.dirname, 'migrations');

async function tempDir(t: { after(fn: () => Promise<void>): void }): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'praxis-db-test-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function appliedRows(prisma: PrismaClient): Promise<{ migration_name: string; started_at: unknown }[]> {
  return prisma.$queryRawUnsafe('SELECT migration_name, started_at FROM _prisma_migrations ORDER BY migration_name');
}

test('openDatabase creates, migrates and re-opens an SQLite database idempotently', async (t) => {
  const dataDir = path.join(await tempDir(t), 'nested', 'data');
  const local = await listLocalMigrations(MIGRATIONS_DIR);
  assert.ok(local.length > 0, 'prisma/migrations must contain at least one migration');

  const first = await openDatabase({ dataDir });
  try {
    assert.equal(first.provider, 'sqlite');
    assert.ok(existsSync(path.join(dataDir, SQLITE_FILE_NAME)), 'the database file is created in the data dir');
    assert.deepEqual(first.applied, local);
    assert.deepEqual((await appliedRows(first.prisma)).map((r) => r.migration_name), local);
    await first.prisma.user.create({ data: { displayName: 'kept across re-open' } });
  } finally {
    await first.close();
  }
  const before = await openDatabase({ dataDir });
  const rowsBefore = await appliedRows(before.prisma);
  await before.close();

  const again = await openDatabase({ dataDir });
  try {
    assert.deepEqual(again.applied, [], 're-opening applies nothing');
    assert.deepEqual(await appliedRows(again.prisma), rowsBefore, 'no migration is recorded twice');
    assert.equal(await again.prisma.user.count({ where: { displayName: 'kept across re-open' } }), 1);
  } finally {
    await again.close();
  }
});

test('every model survives a CRUD round trip on SQLite', async (t) => {
  const db = await openDatabase({ dataDir: await tempDir(t) });
  try {
    await assertCrudRoundTrip(db.prisma);
  } finally {
    await db.close();
  }
});

test('two concurrent migrations of one fresh SQLite file both succeed and apply once', async (t) => {
  const dataDir = await tempDir(t);
  const [a, b] = await Promise.all([migrateDatabase({ dataDir }), migrateDatabase({ dataDir })]);
  assert.equal(a.provider, 'sqlite');
  assert.equal(b.provider, 'sqlite');
  const db = await openDatabase({ dataDir });
  try {
    const names = (await appliedRows(db.prisma)).map((r) => r.migration_name);
    assert.deepEqual(names, await listLocalMigrations(MIGRATIONS_DIR));
    assert.deepEqual(db.applied, []);
  } finally {
    await db.close();
  }
});

test('two processes starting at once on one fresh SQLite file both succeed, applying once', async (t) => {
  const dataDir = await tempDir(t);
  const script = path.join(import.meta.dirname, 'test-support', 'migrate-main.ts');
  const runOne = () => execFileAsync(process.execPath, ['--import', 'tsx', script, dataDir], { cwd: path.dirname(import.meta.dirname) });
  const outputs = await Promise.all([runOne(), runOne()]);
  for (const { stdout } of outputs) assert.equal(JSON.parse(stdout).provider, 'sqlite');
  const db = await openDatabase({ dataDir });
  try {
    assert.deepEqual((await appliedRows(db.prisma)).map((r) => r.migration_name), await listLocalMigrations(MIGRATIONS_DIR));
  } finally {
    await db.close();
  }
});

test('the committed SQLite migrations produce exactly prisma/schema.prisma', async (t) => {
  const dataDir = await tempDir(t);
  await migrateDatabase({ dataDir });
  const { inSync, output } = await schemaMatchesMigrations({ dataDir });
  assert.ok(inSync, `schema.prisma has changes without a migration (see prisma/README.md):\n${output}`);
});

test('an unsupported DATABASE_URL is refused before anything is created', async (t) => {
  const dataDir = path.join(await tempDir(t), 'data');
  await assert.rejects(openDatabase({ dataDir, databaseUrl: 'mysql://db/praxis' }), DatabaseConfigError);
  assert.equal(existsSync(dataDir), false);
});
