/**
 * The real probes `praxis doctor` uses, built from the CLI's io (the composition root passes it): the
 * Docker engine from DOCKER_HOST, the database from PRAXIS_DATA_DIR / DATABASE_URL (read only:
 * doctor never creates or migrates it), Chromium from PRAXIS_CHROMIUM.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import type { CliIo } from "../../labs/cli/command";
import { findPending } from "../../prisma/migrate";
import { describeTarget, resolveDatabaseTarget } from "../../prisma/target";
import type { DoctorProbes } from "./doctor-checks";
import { cliDeps } from "./deps";

const exists = (file: string) => stat(file).then(() => true, () => false);

export function doctorProbes(io: CliIo, nodeVersion: string): DoctorProbes {
  const deps = cliDeps(io);
  const dataDir = path.resolve(io.repoRoot, io.env.PRAXIS_DATA_DIR?.trim() || "data");
  const target = resolveDatabaseTarget({ dataDir, databaseUrl: io.env.DATABASE_URL?.trim() || undefined });
  return {
    nodeVersion,
    runtime: deps.runtime,
    imagesDir: deps.imagesDir,
    chromiumPath: io.env.PRAXIS_CHROMIUM ?? "/usr/bin/chromium",
    exists,
    databaseLabel: `${target.provider} database at ${describeTarget(target)}`,
    pendingMigrations: async () => (target.sqliteFile && !(await exists(target.sqliteFile)) ? null : findPending(target)),
  };
}
