/**
 * Capacity planning routes: GET /capacity (the host's session and memory limits and what live sessions
 * use of them, so the web app can tell an instructor whether a room fits), GET /pool/targets and
 * PUT /pool/targets {"<lab-id>": count, …}, which replaces the runtime warm-pool targets (a workshop
 * warming its seats; {} gives them back). The PUT answers once the new targets are set; filling and
 * trimming go on in the background.
 */
import { z } from "zod";
import type { CapacityView } from "../sessions/manager-types";
import type { PoolTargets } from "../pool/warm-pool";
import { parseBody, readJson, sendJson } from "./http-io";
import type { Router } from "./router";

export interface PoolControl {
  capacity(): CapacityView;
  targets(): PoolTargets;
  setTargets(targets: ReadonlyMap<string, number>): void;
}

const LAB_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const Targets = z.record(z.string().regex(LAB_ID, "a lab id"), z.number().int().min(0).max(500));

export function addPoolRoutes(router: Router, pool: PoolControl): void {
  router.add("GET", "/capacity", async ({ res }) => sendJson(res, 200, pool.capacity()));
  router.add("GET", "/pool/targets", async ({ res }) => sendJson(res, 200, pool.targets()));
  router.add("PUT", "/pool/targets", async ({ req, res }) => {
    const targets = parseBody(Targets, await readJson(req, 64 * 1024), `send {"<lab-id>": <count 0-500>, …}`);
    pool.setTargets(new Map(Object.entries(targets)));
    sendJson(res, 200, pool.targets());
  });
}
