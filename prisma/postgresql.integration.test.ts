import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DatabaseConnectionError, migrateDatabase, openDatabase, type PrismaClient } from './db';
import { listLocalMigrations } from './migration-status';
import { assertCrudRoundTrip } from './test-support/crud-round-trip';
import { findPostgresBin, INSTALL_HINT, startPostgresCluster, type PostgresCluster } from './test-support/postgres-cluster';
import { schemaMatchesMigrations } from './test-support/schema-sync';

// A real PostgreSQL server from the Debian package. Without it this suite FAILS (CI installs it),
// unless PRAXIS_SKIP_POSTGRES=1 says PostgreSQL is deliberately not tested on this machine.
// PRAXIS_PG_BIN may point at another installation's bin dir (the one holding initdb and pg_ctl).
const skip = process.env.PRAXIS_SKIP_POSTGRES === '1';
const binDir = findPostgresBin(process.env.PRAXIS_PG_BIN);
const MIGRATIONS_DIR = path.join(import.meta.dirname, 'postgresql', 'migrations');
const dataDir = path.join(import.meta.dirname, 'unused-data-dir'); // PostgreSQL never writes here

let cluster: PostgresCluster | undefined;

before(async () => {
  if (skip) return;
  if (!binDir) throw new Error(INSTALL_HINT);
  cluster = await startPostgresCluster(binDir);
});

after(async () => {
  await cluster?.stop();
});

function server(): PostgresCluster {
  assert.ok(cluster, binDir ? 'PostgreSQL did not start' : INSTALL_HINT);
  return cluster;
}

async function appliedRows(prisma: PrismaClient): Promise<{ migration_name: string; started_at: unknown }[]> {
  return prisma.$queryRawUnsafe('SELECT migration_name, started_at FROM _prisma_migrations ORDER BY migration_name');
}

test('PostgreSQL binaries are available', { skip: skip && 'PRAXIS_SKIP_POSTGRES=1' }, () => {
  assert.ok(binDir, INSTALL_HINT);
});

test('openDatabase migrates PostgreSQL, round-trips every model and re-opens idempotently', { skip }, async () => {
  const databaseUrl = await server().createDatabase('praxis_open');
  const local = await listLocalMigrations(MIGRATIONS_DIR);

  const db = await openDatabase({ dataDir, databaseUrl });
  let rows;
  try {
    assert.equal(db.provider, 'postgresql');
    assert.deepEqual(db.applied, local);
    rows = await appliedRows(db.prisma);
    assert.deepEqual(rows.map((r) => r.migration_name), local);
    await assertCrudRoundTrip(db.prisma);
    // The shared client type must not hide PostgreSQL-only behaviour we rely on: case-insensitive search.
    await db.prisma.user.create({ data: { displayName: 'Grace' } });
    assert.equal(await db.prisma.user.count({ where: { displayName: { equals: 'grace', mode: 'insensitive' } as never } }), 1);
  } finally {
    await db.close();
  }

  const again = await openDatabase({ dataDir, databaseUrl });
  try {
    assert.deepEqual(again.applied, []);
    assert.deepEqual(await appliedRows(again.prisma), rows, 'no migration is recorded twice');
  } finally {
    await again.close();
  }
});

test('concurrent migrations of one fresh PostgreSQL database apply each migration once', { skip }, async () => {
  const databaseUrl = await server().createDatabase('praxis_race');
  await Promise.all([migrateDatabase({ dataDir, databaseUrl }), migrateDatabase({ dataDir, databaseUrl })]);
  const db = await openDatabase({ dataDir, databaseUrl });
  try {
    assert.deepEqual((await appliedRows(db.prisma)).map((r) => r.migration_name), await listLocalMigrations(MIGRATIONS_DIR));
  } finally {
    await db.close();
  }
});

test('the committed PostgreSQL migrations produce exactly prisma/postgresql/schema.prisma', { skip }, async () => {
  const databaseUrl = await server().createDatabase('praxis_sync');
  await migrateDatabase({ dataDir, databaseUrl });
  const { inSync, output } = await schemaMatchesMigrations({ dataDir, databaseUrl });
  assert.ok(inSync, `postgresql/schema.prisma has changes without a migration (see prisma/README.md):\n${output}`);
});

test('an unreachable server is reported as a DatabaseConnectionError without the password', { skip }, async () => {
  const url = new URL(server().url);
  url.port = '1';
  url.password = 'hunter2';
  await assert.rejects(openDatabase({ dataDir, databaseUrl: url.toString() }), (err: unknown) => {
    assert.ok(err instanceof DatabaseConnectionError);
    assert.match(err.message, /postgresql/);
    assert.doesNotMatch(err.message, /hunter2/);
    return true;
  });
});
