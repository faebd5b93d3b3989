/**
 * Builds the Prisma driver-adapter factory for a database target: better-sqlite3 for the embedded
 * file, pg for PostgreSQL. The app's client and the migration-status check both connect through
 * these, so there is one place that decides connection options.
 */
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import type { DatabaseTarget } from './target';

export function sqliteAdapter(target: DatabaseTarget): PrismaBetterSQLite3 {
  // timeout: how long a writer waits for another process's write lock (web and runner share the file).
  return new PrismaBetterSQLite3({ url: target.url, timeout: 10_000 });
}

export function postgresAdapter(target: DatabaseTarget): PrismaPg {
  return new PrismaPg({ connectionString: target.url });
}

export function adapterFor(target: DatabaseTarget): PrismaBetterSQLite3 | PrismaPg {
  return target.provider === 'postgresql' ? postgresAdapter(target) : sqliteAdapter(target);
}
