/**
 * Keeps the runner's warm pool in step with the clock. Pool targets change when time passes (a workshop
 * comes within its warm-up lead, starts, or ends), not only when someone acts, so the web process
 * re-applies them every `intervalMs` whether or not any dashboard is open. Each run opens its own database
 * and runner handles and closes them; a failed run is reported and the next one tries again.
 */
import type { PrismaClient } from "../../../prisma/db";
import type { RunnerClient } from "../runner-client";
import { syncPool } from "./actions";

export interface WarmSchedulerOptions {
  open(): Promise<{ prisma: PrismaClient; runner: RunnerClient; close(): Promise<void> }>;
  intervalMs: number;
  onError(err: unknown): void;
  now?: () => Date;
}

/** Starts the loop (first run at once); returns the function that stops it. */
export function startWarmScheduler(o: WarmSchedulerOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    try {
      const handles = await o.open();
      try {
        await syncPool(handles.prisma, handles.runner, (o.now ?? (() => new Date()))());
      } finally {
        await handles.close();
      }
    } catch (err) {
      o.onError(err);
    }
    if (!stopped) timer = setTimeout(() => void tick(), o.intervalMs);
  };
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
