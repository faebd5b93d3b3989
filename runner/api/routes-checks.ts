/**
 * `POST /sessions/:id/checks` {host, script, timeoutMs?}: runs one check script on a host of a ready
 * session (runner/checks/script-check.ts) and answers pass/fail with the learner-facing message. The
 * script comes from the caller, which knows the lab's steps; the runner stays free of lab knowledge.
 * A check counts as learner activity, and its duration feeds praxis_check_duration_seconds.
 */
import { z } from "zod";
import type { ContainerRuntime } from "../docker/runtime";
import { runScriptCheck } from "../checks/script-check";
import { HttpError } from "./errors";
import { readJson, sendJson } from "./http-io";
import { requireHostContainer } from "./hosts";
import type { Histogram } from "./metrics";
import type { Router } from "./router";
import type { SessionService } from "./session-service";

const CheckBody = z.strictObject({
  host: z.string().min(1).max(64),
  script: z.string().min(1).max(256 * 1024),
  timeoutMs: z.number().int().positive().max(10 * 60_000).default(30_000),
  env: z.record(z.string(), z.string()).optional(),
});

export function addCheckRoutes(router: Router, deps: { sessions: SessionService; runtime: ContainerRuntime; checkSeconds: Histogram }): void {
  router.add("POST", "/sessions/:id/checks", async ({ req, res, params }) => {
    const body = CheckBody.safeParse(await readJson(req, 512 * 1024));
    if (!body.success) throw new HttpError(400, "bad_request", body.error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`).join("; "));
    const { host, script, timeoutMs, env } = body.data;
    const containerId = requireHostContainer(deps.sessions, params.id!, host);
    deps.sessions.touch(params.id!);
    const result = await runScriptCheck(deps.runtime, containerId, script, { timeoutMs, env });
    deps.checkSeconds.observe(result.durationMs / 1000, { outcome: result.passed ? "passed" : "failed" });
    sendJson(res, 200, result);
  });
}
