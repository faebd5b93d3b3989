/**
 * Creates the Prisma client for a database target. Each provider has its own generated client
 * (prisma/generated/sqlite, prisma/generated/postgresql — the query compiler is provider specific),
 * but both come from the same models, so the rest of Praxis sees one type: `PrismaClient`, the
 * SQLite one. The PostgreSQL client offers a superset of that API (e.g. `mode: 'insensitive'`),
 * so code written against the shared type runs on both.
 */
import { PrismaClient as SqlitePrismaClient } from './generated/sqlite/client';
import { PrismaClient as PostgresPrismaClient } from './generated/postgresql/client';
import { postgresAdapter, sqliteAdapter } from './adapters';
import type { DatabaseTarget } from './target';

export type PrismaClient = SqlitePrismaClient;

export function createPrismaClient(target: DatabaseTarget): PrismaClient {
  if (target.provider === 'postgresql') {
    // Same models, different generated class: the cast is sound because the PostgreSQL API is a
    // superset of the SQLite one for identical models (schema-parity.test.ts); both providers pass
    // the same CRUD round trip (test-support/crud-round-trip.ts).
    return new PostgresPrismaClient({ adapter: postgresAdapter(target) }) as unknown as PrismaClient;
  }
  return new SqlitePrismaClient({ adapter: sqliteAdapter(target) });
}
