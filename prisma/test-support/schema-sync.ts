/**
 * Checks that a migrated database matches its schema file — i.e. nobody changed schema.prisma
 * without committing a migration. `prisma db push` on a database that was just migrated reports
 * "already in sync" exactly when the committed migrations produce the schema. (The direct
 * `migrate diff --from-migrations` cannot run here: with driver adapters Prisma 6.19 fails to
 * replay SQLite migrations into its shadow database.)
 */
import { runPrismaCli } from '../cli';
import type { DatabaseConfig } from '../target';

export async function schemaMatchesMigrations(config: DatabaseConfig): Promise<{ inSync: boolean; output: string }> {
  const result = await runPrismaCli(['db', 'push', '--skip-generate'], config);
  return { inSync: result.exitCode === 0 && /already in sync/i.test(result.output), output: result.output };
}
