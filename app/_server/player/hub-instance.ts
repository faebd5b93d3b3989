/**
 * The web process's one ProgressHub. It is process state on purpose: the event stream of a session and
 * the Check request that changes its progress are different requests, and the background loop must be
 * shared by every stream of a session so its checks never run twice at once. It lives on globalThis under
 * a registered symbol because Next.js may bundle the same module once per route (and reloads modules in
 * development), and a module-level variable would then give each route its own hub. Dependencies come
 * from the environment through openLabDeps, the same composition the request edge uses.
 */
import { openLabDeps } from "../lab-request";
import { ProgressHub } from "./progress-hub";
import { autoCheck } from "./step-actions";

/** How often the current step's checks re-run while a learner watches (the contract says ~5 s). */
export const AUTO_CHECK_INTERVAL_MS = 5_000;

const KEY = Symbol.for("praxis.progressHub");

export function progressHub(): ProgressHub {
  const slot = globalThis as { [KEY]?: ProgressHub };
  slot[KEY] ??= new ProgressHub({
    open: () => openLabDeps(process.env, process.cwd()),
    run: autoCheck,
    intervalMs: AUTO_CHECK_INTERVAL_MS,
    onError: (sessionId, err) => console.error(`background check of session ${sessionId} failed`, err),
  });
  return slot[KEY];
}
