/**
 * A throw-away PostgreSQL server for integration tests: initdb into a temp dir, start it on a free
 * 127.0.0.1 port with its socket in that dir, and delete everything on stop. Uses the Debian
 * `postgresql` package's binaries (/usr/lib/postgresql/<version>/bin). initdb refuses to run as
 * root, so as root the server runs as the `postgres` system user the package creates.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const PG_ROOT = '/usr/lib/postgresql';
export const INSTALL_HINT =
  'PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql/<version>/bin or PRAXIS_PG_BIN. Install them with ' +
  '`apt-get install -y postgresql` (Debian/Ubuntu), or set PRAXIS_SKIP_POSTGRES=1 to skip PostgreSQL tests.';

export interface PostgresCluster {
  /** postgresql:// URL of the default `postgres` database, superuser `praxis`, no password. */
  url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** `explicit` if it holds initdb, else the bin dir of the newest Debian-installed PostgreSQL, or undefined. */
export function findPostgresBin(explicit?: string): string | undefined {
  if (explicit) return existsSync(path.join(explicit, 'initdb')) ? explicit : undefined;
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(path.join(PG_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(PG_ROOT, versions[0], 'bin');
}

export async function startPostgresCluster(binDir: string): Promise<PostgresCluster> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'praxis-pg-'));
  const asRoot = process.getuid?.() === 0;
  const exec = async (bin: string, args: string[]) => {
    const file = path.join(binDir, bin);
    // runuser keeps argv intact (no shell quoting) while dropping to the postgres user.
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    try {
      return await run(cmd, argv, { cwd: dir });
    } catch (err) {
      const e = err as { stderr?: string; message: string };
      throw new Error(`${bin} ${args.join(' ')} failed: ${e.stderr || e.message}`);
    }
  };
  try {
    if (asRoot) {
      const pgUser = await run('id', ['-u', 'postgres']).catch(() => undefined);
      if (!pgUser) throw new Error(`running as root but there is no 'postgres' user to run the server as. ${INSTALL_HINT}`);
      const uid = Number(pgUser.stdout.trim());
      await chown(dir, uid, Number((await run('id', ['-g', 'postgres'])).stdout.trim()));
      await chmod(dir, 0o700);
    }
    const port = await freePort();
    const data = path.join(dir, 'data');
    await exec('initdb', ['-D', data, '-U', 'praxis', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await exec('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', 'start']);
    const base = `postgresql://praxis@127.0.0.1:${port}`;
    return {
      url: `${base}/postgres`,
      async createDatabase(name) {
        await exec('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'praxis', name]);
        return `${base}/${name}`;
      },
      async stop() {
        await exec('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
