/**
 * Generates both Prisma clients (prisma/generated/sqlite and prisma/generated/postgresql, both
 * gitignored) offline. The bootstrap runs this once after install and again whenever a schema
 * changes:  node_modules/.bin/node --import tsx prisma/generate.ts
 *
 * Generation never connects to a database; the settings below only make prisma.config.ts pick
 * the schema file of each provider.
 */
import { pathToFileURL } from 'node:url';
import { runPrismaCli } from './cli';
import type { DatabaseConfig } from './target';

const PROVIDERS: { name: string; config: DatabaseConfig }[] = [
  { name: 'sqlite', config: { dataDir: 'unused-by-generate' } },
  { name: 'postgresql', config: { dataDir: 'unused-by-generate', databaseUrl: 'postgresql://generate-only.invalid/praxis' } },
];

export async function generateClients(): Promise<void> {
  for (const { name, config } of PROVIDERS) {
    const result = await runPrismaCli(['generate'], config);
    if (result.exitCode !== 0) throw new Error(`prisma generate failed for ${name} (exit ${result.exitCode}):\n${result.output}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  generateClients().then(
    () => console.log(`Prisma clients generated in ${Date.now() - started} ms (prisma/generated/)`),
    (err: Error) => {
      console.error(err.message);
      process.exitCode = 1;
    },
  );
}
