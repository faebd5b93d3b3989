/**
 * Brings a database up to the committed migration history of its provider (prisma/migrations or
 * prisma/postgresql/migrations). Idempotent: when nothing is pending it returns without starting
 * the Prisma CLI. Safe when several processes start at once: SQLite migrations run under a lock
 * file beside the database, PostgreSQL relies on the advisory lock Prisma Migrate takes (and waits
 * out its 10 s lock timeout by retrying).
 */
import { mkdir } from 'node:fs/promises';
import { runPrismaCli, type CliOptions } from './cli';
import { adapterFor } from './adapters';
import { DatabaseConnectionError, MigrationError } from './errors';
import { withFileLock } from './file-lock';
import { listAppliedMigrations, listLocalMigrations, pendingMigrations } from './migration-status';
import { describeTarget, resolveDatabaseTarget, type DatabaseConfig, type DatabaseProvider, type DatabaseTarget } from './target';

export interface MigrationReport {
  provider: DatabaseProvider;
  /** Migrations that were pending when called and are applied now (by this or a concurrent process). */
  applied: string[];
}

export type MigrateOptions = CliOptions;

export async function migrateDatabase(config: DatabaseConfig, options: MigrateOptions = {}): Promise<MigrationReport> {
  const target = resolveDatabaseTarget(config, options.prismaDir);
  if (target.sqliteFile) await mkdir(config.dataDir, { recursive: true });

  const pendingBefore = await findPending(target);
  if (pendingBefore.length > 0) {
    const deploy = () => deployUnlessDone(target, config, options);
    if (target.sqliteFile) await withFileLock(`${target.sqliteFile}.migrate.lock`, deploy);
    else await deploy();
  }
  return { provider: target.provider, applied: pendingBefore };
}

export async function findPending(target: DatabaseTarget): Promise<string[]> {
  const local = await listLocalMigrations(target.migrationsDir);
  try {
    const connection = await adapterFor(target).connect();
    try {
      return pendingMigrations(local, await listAppliedMigrations(connection, target.provider));
    } finally {
      await connection.dispose();
    }
  } catch (err) {
    throw new DatabaseConnectionError(
      `cannot read the migration state of the ${target.provider} database at ${describeTarget(target)}: ${errorText(err)}`,
      { cause: err },
    );
  }
}

/** Prisma gives up after 10 s waiting for its advisory lock; a concurrent deploy on a slow host takes longer. */
const LOCK_TIMEOUT = /P1002[\s\S]*advisory lock/;
const DEPLOY_ATTEMPTS = 5;

async function deployUnlessDone(target: DatabaseTarget, config: DatabaseConfig, options: MigrateOptions): Promise<void> {
  // Re-checked under the lock: a process that started at the same time may have finished already.
  if ((await findPending(target)).length === 0) return;
  let result = await runPrismaCli(['migrate', 'deploy'], config, options);
  // PostgreSQL: another process holding Prisma's migration lock is not a failure; once it is done
  // either nothing is pending any more, or we try again.
  for (let attempt = 1; result.exitCode !== 0 && LOCK_TIMEOUT.test(result.output) && attempt < DEPLOY_ATTEMPTS; attempt++) {
    if ((await findPending(target)).length === 0) return;
    result = await runPrismaCli(['migrate', 'deploy'], config, options);
  }
  if (result.exitCode !== 0) {
    throw new MigrationError(
      `prisma migrate deploy failed (exit ${result.exitCode}) for the ${target.provider} database using ${target.migrationsDir}`,
      result.output,
    );
  }
  const stillPending = await findPending(target);
  if (stillPending.length > 0) {
    throw new MigrationError(`migrations still pending after prisma migrate deploy: ${stillPending.join(', ')}`, result.output);
  }
}

function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // Driver adapter errors carry the driver's own error in `cause`, with the useful message.
  const cause = (err as { cause?: { message?: string; originalMessage?: string } }).cause;
  return cause?.originalMessage ?? cause?.message ?? err.message;
}
