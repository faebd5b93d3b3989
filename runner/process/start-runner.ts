/**
 * Wires the runner's object graph from its settings and a container runtime, and starts it: ticket
 * secret, session manager (with an image ensurer that builds a missing praxis/* image on first use, and
 * session records in the data dir so extensions and warm-pool claims survive a restart), reconciliation
 * before the first request (adopt this runner's live sessions and pool members, remove orphans), the warm
 * pool (filled in the background), the periodic reaper, metrics and the HTTP/WebSocket API. main.ts supplies the real runtime and stdout
 * logger; tests supply a FakeRuntime and a memory logger, so the wiring itself is tested.
 */
import type { AddressInfo } from "node:net";
import type { ContainerRuntime } from "../docker/runtime";
import type { Logger } from "../api/logger";
import { createRunnerMetrics } from "../api/runner-metrics";
import { createRunnerApi } from "../api/server";
import { loadOrCreateTicketSecret } from "../api/ticket-secret";
import { imageEnsurer } from "../images/builder";
import { WarmPool } from "../pool/warm-pool";
import { SessionManager } from "../sessions/manager";
import { FileRecordStore } from "../state/file-records";
import { startReaper } from "../tasks/expire-sessions";
import { TicketAuthority } from "../terminal/tickets";
import { labSpecLoader } from "./lab-specs";
import type { RunnerSettings } from "./settings";

export interface RunningRunner {
  /** http://host:port the API listens on. */
  url: string;
  port: number;
  sessions: SessionManager;
  pool: WarmPool;
  /** Stops the reaper, closes terminals and the server. Sessions keep running (adopted at next start). */
  close(): Promise<void>;
}

/** Ended sessions stay readable this long so the web app can show how they ended. */
const KEEP_ENDED_MS = 10 * 60_000;

export async function startRunner(settings: RunnerSettings, runtime: ContainerRuntime, logger: Logger): Promise<RunningRunner> {
  // Without Docker the runner still serves: the site stays up (catalog, guides), starts are refused with
  // the engine error in plain words, and the reaper's reconciliation adopts sessions once Docker answers.
  const dockerReachable = await runtime.ping().then(
    () => true,
    (error: unknown) => {
      logger.warn("runner.docker_unreachable", { error, hint: "is Docker running and its socket accessible? try `praxis doctor`" });
      return false;
    },
  );
  const secret = await loadOrCreateTicketSecret(settings.api.ticketSecret, settings.api.dataDir);
  const build = imageEnsurer(runtime, settings.imagesDir);
  let sessions: SessionManager | undefined;
  let pool: WarmPool | undefined;
  const loadSpec = labSpecLoader(settings.labDirs);
  const metrics = createRunnerMetrics(() => sessions?.list().map((s) => s.state) ?? []);
  sessions = new SessionManager({
    runtime,
    runnerId: settings.runnerId,
    limits: settings.limits,
    loadSpec,
    records: FileRecordStore.forRunner(settings.api.dataDir, settings.runnerId),
    onClaim: (labId) => {
      logger.info("pool.claimed", { labId });
      void pool?.refill();
    },
    ensureImage: async (ref, progress) => {
      const started = performance.now();
      logger.info("image.building", { image: ref, reason: "missing on first use" });
      await build(ref, (line) => {
        logger.debug("image.build_progress", { image: ref, line });
        progress(line);
      });
      logger.info("image.built", { image: ref, seconds: Math.round((performance.now() - started) / 100) / 10 });
    },
    onStateChange: (s) => logger.info("session.state", { sessionId: s.id, labId: s.labId, state: s.state, ...(s.error ? { error: s.error } : {}) }),
  });

  pool = new WarmPool({
    manager: sessions,
    targets: settings.warmPool,
    loadSpec,
    onError: (labId, error) => logger.error("pool.refill_failed", { labId, error }),
  });
  if (dockerReachable) {
    const report = await sessions.reconcile();
    logger.info("runner.reconciled", { adopted: report.adopted, removedSessions: report.removedSessions });
    void pool.refill(); // in the background: the API serves (cold starts) meanwhile
  }
  const reaper = startReaper(sessions, {
    intervalMs: settings.reaperIntervalMs,
    keepEndedMs: KEEP_ENDED_MS,
    onExpired: (ids) => logger.info("sessions.expired", { sessionIds: ids }),
    onError: (error) => logger.error("reaper.failed", { error }),
    afterTick: () => pool.refill(),
  });

  const api = createRunnerApi({
    runtime,
    sessions,
    tickets: new TicketAuthority({ secret }),
    apiToken: settings.api.apiToken,
    allowedOrigins: settings.api.allowedOrigins,
    logger,
    metrics,
    pool: {
      capacity: () => sessions.capacity(),
      targets: () => pool.targets(),
      setTargets: (targets) => {
        logger.info("pool.targets_set", { targets: Object.fromEntries(targets) });
        void pool.setTargets(targets);
      },
    },
  });
  await new Promise<void>((resolve, reject) => {
    api.server.once("error", reject);
    api.server.listen(settings.api.port, settings.api.host, () => resolve());
  });
  const { port } = api.server.address() as AddressInfo;
  const url = `http://${settings.api.host.includes(":") ? `[${settings.api.host}]` : settings.api.host}:${port}`;
  logger.info("runner.listening", { url, runnerId: settings.runnerId, allowedOrigins: settings.api.allowedOrigins });
  return {
    url,
    port,
    sessions,
    pool,
    async close() {
      reaper.stop();
      await api.close();
    },
  };
}
