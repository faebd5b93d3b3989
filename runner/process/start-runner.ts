/**
 * Wires the runner's object graph from its settings and a container runtime, and starts it: ticket
 * secret, session manager (with an image ensurer that builds a missing praxis/* image on first use),
 * reconciliation before the first request (adopt this runner's live sessions, remove orphans), the
 * periodic reaper, metrics and the HTTP/WebSocket API. main.ts supplies the real runtime and stdout
 * logger; tests supply a FakeRuntime and a memory logger, so the wiring itself is tested.
 */
import type { AddressInfo } from "node:net";
import type { ContainerRuntime } from "../docker/runtime";
import type { Logger } from "../api/logger";
import { createRunnerMetrics } from "../api/runner-metrics";
import { createRunnerApi } from "../api/server";
import { loadOrCreateTicketSecret } from "../api/ticket-secret";
import { imageEnsurer } from "../images/builder";
import { SessionManager } from "../sessions/manager";
import { startReaper } from "../tasks/expire-sessions";
import { TicketAuthority } from "../terminal/tickets";
import { labSpecLoader } from "./lab-specs";
import type { RunnerSettings } from "./settings";

export interface RunningRunner {
  /** http://host:port the API listens on. */
  url: string;
  port: number;
  sessions: SessionManager;
  /** Stops the reaper, closes terminals and the server. Sessions keep running (adopted at next start). */
  close(): Promise<void>;
}

/** Ended sessions stay readable this long so the web app can show how they ended. */
const KEEP_ENDED_MS = 10 * 60_000;

export async function startRunner(settings: RunnerSettings, runtime: ContainerRuntime, logger: Logger): Promise<RunningRunner> {
  await runtime.ping();
  const secret = await loadOrCreateTicketSecret(settings.api.ticketSecret, settings.api.dataDir);
  const build = imageEnsurer(runtime, settings.imagesDir);
  let sessions: SessionManager | undefined;
  const metrics = createRunnerMetrics(() => sessions?.list().map((s) => s.state) ?? []);
  sessions = new SessionManager({
    runtime,
    runnerId: settings.runnerId,
    limits: settings.limits,
    loadSpec: labSpecLoader(settings.labDirs),
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

  const report = await sessions.reconcile();
  logger.info("runner.reconciled", { adopted: report.adopted, removedSessions: report.removedSessions });
  const reaper = startReaper(sessions, {
    intervalMs: settings.reaperIntervalMs,
    keepEndedMs: KEEP_ENDED_MS,
    onExpired: (ids) => logger.info("sessions.expired", { sessionIds: ids }),
    onError: (error) => logger.error("reaper.failed", { error }),
  });

  const api = createRunnerApi({
    runtime,
    sessions,
    tickets: new TicketAuthority({ secret }),
    apiToken: settings.api.apiToken,
    allowedOrigins: settings.api.allowedOrigins,
    logger,
    metrics,
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
    async close() {
      reaper.stop();
      await api.close();
    },
  };
}
