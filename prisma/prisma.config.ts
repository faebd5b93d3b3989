/**
 * Prisma CLI configuration for Praxis, passed explicitly as `--config prisma/prisma.config.ts`
 * (it lives in prisma/ rather than the repo root, so every CLI call must name it).
 *
 * The Prisma CLI runs in its own process, so this file is an edge: it reads the same two settings
 * the app reads (PRAXIS_DATA_DIR, DATABASE_URL) and resolves them with prisma/target.ts, picking
 * the schema file and migration history of the selected provider.
 *
 * Why `engine: "js"` + `adapter`: the classic schema engine is a native binary that Prisma would
 * download, and this machine (and air-gapped installs) cannot. With the JS engine, migrate
 * deploy/diff run in Prisma's bundled Wasm schema engine over the same driver adapters the app
 * uses, so no network is needed. `prisma generate` does not touch the adapter at all.
 */
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PRISMA_DIR, resolveDatabaseTarget } from './target';
import { CatalogAsTextClient } from './pg-catalog-types';

const target = resolveDatabaseTarget({
  dataDir: process.env.PRAXIS_DATA_DIR || path.join(PRISMA_DIR, '..', 'data'),
  databaseUrl: process.env.DATABASE_URL,
});

// The schema's datasource url reads this variable; the CLI itself connects through the adapter
// below, so this only keeps the schema loadable (see the datasource comment in schema.prisma).
process.env.PRAXIS_DATABASE_URL = target.url;

export default defineConfig({
  experimental: { adapter: true },
  schema: target.schemaPath,
  migrations: { path: target.migrationsDir },
  engine: 'js',
  async adapter() {
    return target.provider === 'postgresql'
      ? // allowExitOnIdle: the CLI never closes the pool, which would otherwise hold the process open
        // for pg's 10 s idle timeout after every command. Client: see pg-catalog-types.ts. (migrate
        // deploy still lingers ~10 s: the Wasm schema engine leaves a lock-timeout timer running.)
        new PrismaPg({ connectionString: target.url, allowExitOnIdle: true, Client: CatalogAsTextClient })
      : new PrismaBetterSQLite3({ url: target.url });
  },
});
