/**
 * Decides which database Praxis talks to, from the two settings the app exposes: SQLite in a file
 * under the data dir by default, PostgreSQL when DATABASE_URL is a postgres:// or
 * postgresql:// URL. Pure (paths are computed, not touched) so the web app, the CLI and
 * prisma/prisma.config.ts — which the Prisma CLI loads in its own process — all agree on the
 * same answer, including which schema file and migration history belong to the provider.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseConfigError } from './errors';

export type DatabaseProvider = 'sqlite' | 'postgresql';

export interface DatabaseConfig {
  /** Directory for embedded state; the SQLite file lives here. */
  dataDir: string;
  /** Empty/undefined selects SQLite; postgres:// or postgresql:// selects PostgreSQL. */
  databaseUrl?: string;
}

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** Connection string for the driver adapter: `file:<abs path>` or the postgres URL. */
  url: string;
  /** Absolute path of the SQLite database file (sqlite only). */
  sqliteFile?: string;
  /** Schema file and migrations folder of this provider's migration history. */
  schemaPath: string;
  migrationsDir: string;
}

export const SQLITE_FILE_NAME = 'praxis.db';

/** The folder that holds schema.prisma: this module's own directory. */
export const PRISMA_DIR = path.dirname(fileURLToPath(import.meta.url));

export function resolveDatabaseTarget(config: DatabaseConfig, prismaDir = PRISMA_DIR): DatabaseTarget {
  const url = config.databaseUrl?.trim() ?? '';
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return {
      provider: 'postgresql',
      url,
      schemaPath: path.join(prismaDir, 'postgresql', 'schema.prisma'),
      migrationsDir: path.join(prismaDir, 'postgresql', 'migrations'),
    };
  }
  if (url !== '') {
    const scheme = url.split(':')[0] ?? url;
    throw new DatabaseConfigError(
      `DATABASE_URL uses unsupported scheme "${scheme}:"; use postgres:// or postgresql:// for PostgreSQL, ` +
        `or leave DATABASE_URL empty for the embedded SQLite database under PRAXIS_DATA_DIR`,
      'DATABASE_URL',
    );
  }
  if (config.dataDir.trim() === '') {
    throw new DatabaseConfigError('PRAXIS_DATA_DIR is empty; it must name a directory for the SQLite database', 'PRAXIS_DATA_DIR');
  }
  const sqliteFile = path.resolve(config.dataDir, SQLITE_FILE_NAME);
  return {
    provider: 'sqlite',
    url: `file:${sqliteFile}`,
    sqliteFile,
    schemaPath: path.join(prismaDir, 'schema.prisma'),
    migrationsDir: path.join(prismaDir, 'migrations'),
  };
}

/** Hides the password of a connection URL so it can appear in logs and error messages. */
export function redactUrl(text: string): string {
  return text.replace(/(postgres(?:ql)?:\/\/[^:/@\s]+:)[^@\s]+@/gi, '$1***@');
}

/** Where the database is, for messages: the SQLite file, or the PostgreSQL URL without password. */
export function describeTarget(target: DatabaseTarget): string {
  return target.sqliteFile ?? redactUrl(target.url);
}
