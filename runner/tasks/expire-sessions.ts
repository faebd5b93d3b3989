/**
 * The reaper: a periodic task that expires sessions past their time limit or idle timeout, then
 * reconciles so leftovers of failed teardowns and foreign orphans are removed too. One run at a time;
 * a slow run is never overlapped by the next tick. Errors are reported, never thrown, so one bad tick
 * does not stop reaping.
 */
import type { SessionManager } from "../sessions/manager";

export interface ReaperOptions {
  intervalMs: number;
  /** How long ended sessions stay readable before they are forgotten. */
  keepEndedMs: number;
  onError?: (err: unknown) => void;
  onExpired?: (ids: string[]) => void;
  /** Runs at the end of every tick (the warm pool's refill); must not throw. */
  afterTick?: () => Promise<void>;
}

export interface Task {
  stop(): void;
  /** Runs one tick now (also used by tests); resolves when it is done. */
  runOnce(): Promise<void>;
}

export function startReaper(manager: SessionManager, opts: ReaperOptions): Task {
  let running: Promise<void> | null = null;
  const runOnce = (): Promise<void> => {
    running ??= (async () => {
      try {
        const expired = await manager.expireDue();
        if (expired.length > 0) opts.onExpired?.(expired);
        await manager.reconcile();
        manager.forgetEnded(opts.keepEndedMs);
        await opts.afterTick?.();
      } catch (err) {
        opts.onError?.(err);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const timer = setInterval(() => void runOnce(), opts.intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer), runOnce };
}
