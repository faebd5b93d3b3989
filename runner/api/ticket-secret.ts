/**
 * Where the ticket-signing secret comes from: the configured value when there is one, otherwise a
 * random 32-byte secret generated once and kept in the data directory (mode 0600), so tickets survive
 * a runner restart and no secret is ever baked into the code. Runs once at start-up.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

const FILE = "ticket-secret";

export async function loadOrCreateTicketSecret(configured: Uint8Array | undefined, dataDir: string): Promise<Uint8Array> {
  if (configured) return configured;
  const path = join(dataDir, FILE);
  try {
    const stored = Buffer.from((await readFile(path, "utf8")).trim(), "base64url");
    if (stored.length < 32) throw new Error(`${path} holds ${stored.length} bytes; delete it to generate a new secret`);
    return stored;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  await mkdir(dataDir, { recursive: true });
  const secret = randomBytes(32);
  // "wx": if another process created it meanwhile, fail rather than overwrite its secret.
  await writeFile(path, `${secret.toString("base64url")}\n`, { mode: 0o600, flag: "wx" });
  return secret;
}
