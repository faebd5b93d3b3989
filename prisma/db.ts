/**
 * The database entry point for server-side code (web app, runner, CLI): `openDatabase` makes sure
 * the database exists and is migrated, then hands back a connected Prisma client. Each process's
 * composition root calls it once with its parsed config and passes the client down; nothing here
 * is a module-level singleton.
 */
import { createPrismaClient, type PrismaClient } from './client';
import { DatabaseConnectionError } from './errors';
import { migrateDatabase, type MigrateOptions } from './migrate';
import { describeTarget, resolveDatabaseTarget, type DatabaseConfig, type DatabaseProvider } from './target';

export { migrateDatabase, type MigrationReport, type MigrateOptions } from './migrate';
export type { DatabaseConfig, DatabaseProvider } from './target';
export type { PrismaClient } from './client';
export { DatabaseConfigError, DatabaseConnectionError, MigrationError } from './errors';

export interface Database {
  prisma: PrismaClient;
  provider: DatabaseProvider;
  /** Migrations this open applied (empty when the database was already current). */
  applied: string[];
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig, options: MigrateOptions = {}): Promise<Database> {
  const target = resolveDatabaseTarget(config, options.prismaDir);
  const { applied } = await migrateDatabase(config, options);
  const prisma = createPrismaClient(target);
  try {
    await prisma.$connect();
    if (target.provider === 'sqlite') {
      // WAL lets the web app read while the runner writes; the setting persists in the file.
      await prisma.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    }
  } catch (err) {
    await prisma.$disconnect().catch(() => {});
    throw new DatabaseConnectionError(`cannot open the ${target.provider} database at ${describeTarget(target)}: ${(err as Error).message}`, {
      cause: err,
    });
  }
  return { prisma, provider: target.provider, applied, close: () => prisma.$disconnect() };
}
