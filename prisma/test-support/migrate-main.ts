/**
 * `node --import tsx prisma/test-support/migrate-main.ts <dataDir>` — migrates one SQLite data dir
 * in a separate process, so tests can race real processes against each other.
 */
import { migrateDatabase } from '../migrate';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: migrate-main.ts <dataDir>');
const report = await migrateDatabase({ dataDir });
console.log(JSON.stringify(report));
