import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The two providers have separate schema files (Prisma needs one per provider); the models must
 * not drift apart, or code typed against the SQLite client would break on PostgreSQL.
 */

const here = import.meta.dirname;
const sqlite = readFileSync(path.join(here, 'schema.prisma'), 'utf8');
const postgres = readFileSync(path.join(here, 'postgresql', 'schema.prisma'), 'utf8');

/** Top-level blocks of a schema by kind, e.g. blocks(s, 'model') → ['model User {…}', …]. */
function blocks(schema: string, kind: string): string[] {
  return [...schema.matchAll(new RegExp(`^${kind}\\s+\\w+\\s*\\{[\\s\\S]*?^\\}`, 'gm'))].map((m) => m[0]);
}

/** Everything after the datasource block: the models plus the comments around them. */
function modelSection(schema: string): string {
  const [ds] = blocks(schema, 'datasource');
  assert.ok(ds, 'schema has no datasource block');
  return schema.slice(schema.indexOf(ds) + ds.length);
}

function datasourceProvider(schema: string): string | undefined {
  const [ds] = blocks(schema, 'datasource');
  return ds?.match(/provider\s*=\s*"([^"]+)"/)?.[1];
}

test('block extraction sees every model (guards the parity check itself)', () => {
  const names = blocks(sqlite, 'model').map((b) => b.match(/^model\s+(\w+)/)?.[1]);
  assert.deepEqual(names, [
    'User', 'LabSession', 'StepProgress', 'CheckRun', 'Workshop', 'WorkshopLearner', 'WorkshopMessage',
    'InstructorSession', 'LoginFailure',
  ]);
  assert.notDeepEqual(blocks('model A {\n  id Int @id\n}\n', 'model'), blocks('model A {\n  id String @id\n}\n', 'model'));
});

test('both schema files declare identical models and enums', () => {
  assert.deepEqual(blocks(postgres, 'model'), blocks(sqlite, 'model'));
  assert.deepEqual(blocks(postgres, 'enum'), blocks(sqlite, 'enum'));
  assert.equal(modelSection(postgres), modelSection(sqlite), 'everything after the datasource block must be identical');
});

test('the datasource blocks differ only in the provider', () => {
  assert.equal(datasourceProvider(sqlite), 'sqlite');
  assert.equal(datasourceProvider(postgres), 'postgresql');
  const normalise = (s: string) => blocks(s, 'datasource')[0]?.replace(/provider\s*=\s*"[^"]+"/, 'provider = _');
  assert.equal(normalise(postgres), normalise(sqlite));
});

test('both generators use the engine-free client and a provider-specific output', () => {
  for (const [schema, out] of [
    [sqlite, './generated/sqlite'],
    [postgres, '../generated/postgresql'],
  ] as const) {
    const [generator] = blocks(schema, 'generator');
    assert.ok(generator, 'generator block missing');
    assert.match(generator, /provider\s*=\s*"prisma-client"/);
    assert.match(generator, /engineType\s*=\s*"client"/);
    assert.ok(generator.includes(`output       = "${out}"`), `generator output must be ${out}`);
  }
});
