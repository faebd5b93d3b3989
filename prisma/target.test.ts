import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { DatabaseConfigError } from './errors';
import { redactUrl, resolveDatabaseTarget } from './target';

test('no DATABASE_URL selects SQLite in the data dir', () => {
  const target = resolveDatabaseTarget({ dataDir: '/srv/praxis-data' }, '/repo/prisma');
  assert.equal(target.provider, 'sqlite');
  assert.equal(target.sqliteFile, '/srv/praxis-data/praxis.db');
  assert.equal(target.url, 'file:/srv/praxis-data/praxis.db');
  assert.equal(target.schemaPath, '/repo/prisma/schema.prisma');
  assert.equal(target.migrationsDir, '/repo/prisma/migrations');
});

test('a relative data dir is made absolute', () => {
  const target = resolveDatabaseTarget({ dataDir: 'data', databaseUrl: '' }, '/repo/prisma');
  assert.equal(target.sqliteFile, path.resolve('data', 'praxis.db'));
});

test('postgres:// and postgresql:// select PostgreSQL and its own history', () => {
  for (const url of ['postgres://u:p@db:5432/praxis', 'postgresql://db/praxis?schema=x']) {
    const target = resolveDatabaseTarget({ dataDir: '/d', databaseUrl: url }, '/repo/prisma');
    assert.equal(target.provider, 'postgresql');
    assert.equal(target.url, url);
    assert.equal(target.sqliteFile, undefined);
    assert.equal(target.schemaPath, '/repo/prisma/postgresql/schema.prisma');
    assert.equal(target.migrationsDir, '/repo/prisma/postgresql/migrations');
  }
});

test('other DATABASE_URL schemes are rejected with the setting named', () => {
  assert.throws(
    () => resolveDatabaseTarget({ dataDir: '/d', databaseUrl: 'mysql://db/praxis' }),
    (err: unknown) => err instanceof DatabaseConfigError && err.setting === 'DATABASE_URL' && /"mysql:"/.test(err.message),
  );
});

test('redactUrl hides passwords only', () => {
  assert.equal(redactUrl('at postgresql://praxis:s3cret@db:5432/x now'), 'at postgresql://praxis:***@db:5432/x now');
  assert.equal(redactUrl('postgres://praxis@db/x'), 'postgres://praxis@db/x');
});
