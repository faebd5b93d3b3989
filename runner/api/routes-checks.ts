/**
 * `POST /sessions/:id/checks`: runs one check in a ready session and answers pass/fail with the
 * learner-facing message. Kinds (runner/checks/request.ts): a script on a host
 * {host, script, timeoutMs?, retries?, intervalMs?, env?}, a kubernetes assertion on the session's cluster
 * {kind: "kubernetes", assertion, timeoutMs, intervalMs}, and checks on a host
 * {kind: "container"|"file"|"http", host, subject|path|request, expect, timeoutMs, intervalMs}. The check comes from the caller, which knows
 * the lab's steps; the runner stays free of lab knowledge. A check counts as learner activity, and its
 * duration feeds praxis_check_duration_seconds.
 */
import { z } from "zod";
import { LIMITS } from "../../labs/format/defaults";
import type { ContainerRuntime } from "../docker/runtime";
import type { ClusterChecks } from "../checks/cluster-check";
import { executeCheck } from "../checks/execute";
import type { CheckRequest } from "../checks/request";
import { HttpError } from "./errors";
import { parseBody, readJson, sendJson } from "./http-io";
import { requireHostContainer } from "./hosts";
import type { Histogram } from "./metrics";
import type { Router } from "./router";
import type { SessionService } from "./session-service";

const MAX_TIMEOUT_MS = 10 * 60_000;

const ScriptBody = z.strictObject({
  kind: z.literal("script").optional(),
  host: z.string().min(1).max(64),
  script: z.string().min(1).max(256 * 1024),
  timeoutMs: z.number().int().positive().max(MAX_TIMEOUT_MS).default(30_000),
  retries: z.number().int().min(0).max(LIMITS.maxScriptRetries).optional(),
  intervalMs: z.number().int().min(0).max(MAX_TIMEOUT_MS).optional(),
  env: z.record(z.string(), z.string()).optional(),
});

// The assertion's structure is the grading engine's to judge (it was validated when the lab loaded).
const KubernetesBody = z.strictObject({
  kind: z.literal("kubernetes"),
  assertion: z.looseObject({ form: z.enum(["match", "absent", "select", "expr"]) }),
  timeoutMs: z.number().int().positive().max(MAX_TIMEOUT_MS),
  intervalMs: z.number().int().positive().max(MAX_TIMEOUT_MS),
});

// Like the kubernetes assertion, the expectations were validated when the lab loaded; only the shape that
// the runner itself relies on (host, timing, what to look at) is checked here.
const hostCheckFields = {
  host: z.string().min(1).max(64),
  expect: z.looseObject({}),
  timeoutMs: z.number().int().positive().max(MAX_TIMEOUT_MS),
  intervalMs: z.number().int().positive().max(MAX_TIMEOUT_MS),
};

const ContainerBody = z.strictObject({
  kind: z.literal("container"),
  ...hostCheckFields,
  subject: z.union([
    z.strictObject({ kind: z.literal("host") }),
    z.strictObject({ kind: z.enum(["process", "container"]), name: z.string().min(1).max(256) }),
  ]),
});

const FileBody = z.strictObject({ kind: z.literal("file"), ...hostCheckFields, path: z.string().regex(/^\//).max(4096) });

const HttpBody = z.strictObject({
  kind: z.literal("http"),
  ...hostCheckFields,
  request: z.strictObject({
    method: z.string().regex(/^[A-Z]+$/),
    url: z.string().regex(/^https?:\/\//).max(8192),
    headers: z.record(z.string(), z.string()),
    body: z.string().max(256 * 1024).optional(),
    timeoutMs: z.number().int().positive().max(MAX_TIMEOUT_MS),
  }),
});

/** The request body, exported for its tests. */
export const CheckBody = z.union([ScriptBody, KubernetesBody, ContainerBody, FileBody, HttpBody]);

export interface CheckRouteDeps {
  sessions: SessionService;
  runtime: ContainerRuntime;
  clusterChecks: ClusterChecks;
  checkSeconds: Histogram;
}

function isBackground(url: string | undefined): boolean {
  return new URL(url ?? "/", "http://runner").searchParams.get("background") === "1";
}

export function addCheckRoutes(router: Router, deps: CheckRouteDeps): void {
  router.add("POST", "/sessions/:id/checks", async ({ req, res, params }) => {
    const check = parseBody(CheckBody, await readJson(req, 512 * 1024));
    const id = params.id!;
    if (check.kind === "kubernetes") {
      const session = deps.sessions.get(id);
      if (session.state !== "ready") throw new HttpError(409, "invalid_state", `session ${id} is ${session.state}`);
      if (!session.cluster) throw new HttpError(409, "no_cluster", `session ${id} has no Kubernetes cluster`);
    }
    const target = { sessionId: id, hostContainer: (host: string) => requireHostContainer(deps.sessions, id, host) };
    if (check.kind !== "kubernetes") target.hostContainer(check.host); // 404/409 before the check counts as activity
    // A background re-check (the player's auto-detection) is not the learner at work: an open tab alone
    // must not keep an environment alive past its idle timeout.
    if (!isBackground(req.url)) deps.sessions.touch(id);
    const result = await executeCheck(deps, target, check as CheckRequest);
    deps.checkSeconds.observe(result.durationMs / 1000, { outcome: result.passed ? "passed" : "failed" });
    sendJson(res, 200, result);
  });
}
