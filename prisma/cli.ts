/**
 * Runs the Prisma CLI (node_modules/prisma) as a child process against one database target, always
 * with prisma/prisma.config.ts. Migrations are applied this way rather than in-process because
 * Prisma exposes its Wasm schema engine only through the CLI; the child gets the target through the
 * same two settings the app uses, so prisma.config.ts resolves exactly the same database.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PRISMA_DIR, redactUrl, type DatabaseConfig } from './target';

export interface CliResult {
  exitCode: number;
  /** stdout and stderr interleaved, credentials redacted. */
  output: string;
}

export interface CliOptions {
  /**
   * Absolute path of the repo's prisma/ folder (schemas, migrations, prisma.config.ts). Defaults to
   * this module's folder; pass it explicitly when the code runs bundled (Next.js server build).
   */
  prismaDir?: string;
  /** The Node binary to run the CLI with; the running one by default (the project needs Node 22). */
  nodeBinary?: string;
}

/** The CLI's entry script, resolved from the prisma folder (not this module, which a bundler may move). */
export function prismaCliPath(prismaDir = PRISMA_DIR): string {
  return createRequire(path.join(prismaDir, 'package-resolution-anchor.js')).resolve('prisma/build/index.js');
}

export async function runPrismaCli(args: string[], config: DatabaseConfig, options: CliOptions = {}): Promise<CliResult> {
  const prismaDir = options.prismaDir ?? PRISMA_DIR;
  const configFile = path.join(prismaDir, 'prisma.config.ts');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PRAXIS_DATA_DIR: config.dataDir,
    // Prisma's update/telemetry check would try the network on every run.
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  // An inherited DATABASE_URL must not silently redirect an SQLite target to PostgreSQL.
  if (config.databaseUrl) env.DATABASE_URL = config.databaseUrl;
  else delete env.DATABASE_URL;

  const child = spawn(options.nodeBinary ?? process.execPath, [prismaCliPath(prismaDir), ...args, '--config', configFile], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exitCode = await new Promise<number>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
  return { exitCode, output: redactUrl(output) };
}
