/**
 * Composition root of the runner process (`node --import tsx runner/main.ts`): the only place that
 * reads process.env. Parses the configuration once (every problem listed, exit 2), connects to Docker,
 * starts the API (see process/start-runner.ts) and logs JSON lines to stdout. SIGTERM/SIGINT close
 * terminals and the server gracefully; lab containers keep running and are adopted on the next start.
 */
import path from "node:path";
import { labDirsFromEnv } from "../labs/index";
import { ConfigError } from "./api/config";
import { jsonLogger } from "./api/logger";
import { DockerodeRuntime } from "./docker/dockerode-runtime";
import { isRuntimeError } from "./docker/errors";
import { parseRunnerSettings } from "./process/settings";
import { startRunner } from "./process/start-runner";

const repoRoot = path.resolve(import.meta.dirname, "..");
const bootLogger = jsonLogger(process.stdout);

let settings;
try {
  settings = parseRunnerSettings(process.env, repoRoot, labDirsFromEnv(process.env, repoRoot));
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  bootLogger.error("runner.config_invalid", { problems: err.problems });
  process.stderr.write(`praxis runner: ${err.message}\nSee .env.example for every variable.\n`);
  process.exit(2);
}

const logger = jsonLogger(process.stdout, { level: settings.logLevel });
const runtime = new DockerodeRuntime({ socketPath: settings.dockerSocket });
let runner;
try {
  runner = await startRunner(settings, runtime, logger);
} catch (err) {
  const hint = isRuntimeError(err, "unavailable") ? " (is Docker running and its socket accessible? try `praxis doctor`)" : "";
  logger.error("runner.start_failed", { error: err });
  process.stderr.write(`praxis runner: cannot start: ${err instanceof Error ? err.message : String(err)}${hint}\n`);
  process.exit(1);
}

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info("runner.stopping", { signal });
    // A stuck terminal must not keep the process alive forever.
    setTimeout(() => process.exit(1), 10_000).unref();
    runner.close().then(
      () => {
        logger.info("runner.stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error("runner.stop_failed", { error });
        process.exit(1);
      },
    );
  });
}
