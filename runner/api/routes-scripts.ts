/**
 * `POST /sessions/:id/scripts` {host, script, timeoutMs?, env?} → {exitCode, output, timedOut, durationMs}:
 * runs one script on a host of a ready session, the way provisioning runs setup scripts (script on stdin,
 * killed inside the container at its timeout). The lab player uses it for a step's `setup` when the learner
 * reaches the step and for `solve` when they skip it; the caller knows the lab, the runner does not.
 * stdout and stderr come back merged and capped, because a script's output is for a person to read.
 */
import { z } from "zod";
import type { ContainerRuntime } from "../docker/runtime";
import { runScript } from "../checks/script-exec";
import { parseBody, readJson, sendJson } from "./http-io";
import { requireHostContainer } from "./hosts";
import type { Router } from "./router";
import type { SessionService } from "./session-service";

export const SCRIPT_OUTPUT_CAP = 64 * 1024;
const MAX_TIMEOUT_MS = 30 * 60_000;

const ScriptBody = z.strictObject({
  host: z.string().min(1).max(64),
  script: z.string().min(1).max(256 * 1024),
  timeoutMs: z.number().int().positive().max(MAX_TIMEOUT_MS).default(5 * 60_000),
  env: z.record(z.string(), z.string()).optional(),
});

export interface ScriptRunView {
  exitCode: number;
  /** stdout then stderr, cut to SCRIPT_OUTPUT_CAP bytes (keeping the end, where errors are). */
  output: string;
  timedOut: boolean;
  durationMs: number;
}

export function addScriptRoutes(router: Router, deps: { sessions: SessionService; runtime: ContainerRuntime }): void {
  router.add("POST", "/sessions/:id/scripts", async ({ req, res, params }) => {
    const body = parseBody(ScriptBody, await readJson(req, 512 * 1024));
    const id = params.id!;
    const containerId = requireHostContainer(deps.sessions, id, body.host);
    deps.sessions.touch(id);
    const run = await runScript(deps.runtime, containerId, body.script, {
      timeoutMs: body.timeoutMs,
      env: body.env,
      maxOutputBytes: SCRIPT_OUTPUT_CAP,
    });
    const view: ScriptRunView = { exitCode: run.exitCode, output: tail(run.stdout + run.stderr, SCRIPT_OUTPUT_CAP), timedOut: run.timedOut, durationMs: run.durationMs };
    sendJson(res, 200, view);
  });
}

function tail(text: string, maxBytes: number): string {
  const bytes = new TextEncoder().encode(text);
  return bytes.length <= maxBytes ? text : new TextDecoder().decode(bytes.subarray(bytes.length - maxBytes));
}
