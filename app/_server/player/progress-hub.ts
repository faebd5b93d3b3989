/**
 * Live progress for the player's event streams, and the background auto-check behind them. Per session
 * that has at least one connected stream, one loop re-runs the current step's checks every `intervalMs`
 * (the next run is scheduled only when the previous one has finished, so runs never overlap and a slow
 * check simply spaces them out). The loop stops when the last stream goes. Every view a run produces,
 * and every view an action publishes, reaches the session's streams, but only when it differs from the
 * last one they were sent. Each run opens its own dependencies (database, runner client) and closes
 * them, because the request that opened the stream has long finished.
 */
import type { LabSessionDeps } from "../lab-sessions";
import type { ProgressView } from "./progress-model";

export type ProgressListener = (view: ProgressView) => void;

export interface ProgressHubDeps {
  /** Fresh dependencies for one background run. */
  open(): Promise<{ deps: LabSessionDeps; close(): Promise<void> }>;
  /** One background run: the session's fresh progress (null when the session is gone). */
  run(deps: LabSessionDeps, sessionId: string): Promise<ProgressView | null>;
  intervalMs: number;
  onError?(sessionId: string, err: unknown): void;
}

interface Watch {
  listeners: Set<ProgressListener>;
  timer?: ReturnType<typeof setTimeout>;
  running: boolean;
  /** The JSON of the last view sent, to send only changes. */
  last?: string;
}

export class ProgressHub {
  private readonly watches = new Map<string, Watch>();

  constructor(private readonly deps: ProgressHubDeps) {}

  /** Starts following a session (the caller has proved it is the learner's); returns the unsubscribe. */
  subscribe(sessionId: string, listener: ProgressListener, initial?: ProgressView): () => void {
    let watch = this.watches.get(sessionId);
    if (!watch) {
      watch = { listeners: new Set(), running: false };
      this.watches.set(sessionId, watch);
    }
    if (initial) watch.last = JSON.stringify(initial);
    watch.listeners.add(listener);
    this.schedule(sessionId, watch);
    return () => {
      watch.listeners.delete(listener);
      if (watch.listeners.size > 0) return;
      clearTimeout(watch.timer);
      watch.timer = undefined;
      // A run in progress finishes on its own and then finds nobody listening.
      if (!watch.running) this.watches.delete(sessionId);
    };
  }

  /** Sends a view an action produced to the session's streams (if any are connected to this process). */
  publish(view: ProgressView): void {
    const watch = this.watches.get(view.sessionId);
    if (watch) this.emit(watch, view);
  }

  /** Sessions with a live background loop (for tests and metrics). */
  get watchedSessions(): string[] {
    return [...this.watches.keys()];
  }

  private schedule(sessionId: string, watch: Watch): void {
    if (watch.running || watch.timer || watch.listeners.size === 0) return;
    watch.timer = setTimeout(() => void this.tick(sessionId, watch), this.deps.intervalMs);
  }

  private async tick(sessionId: string, watch: Watch): Promise<void> {
    watch.timer = undefined;
    watch.running = true;
    try {
      const { deps, close } = await this.deps.open();
      try {
        const view = await this.deps.run(deps, sessionId);
        if (view) this.emit(watch, view);
      } finally {
        await close();
      }
    } catch (err) {
      this.deps.onError?.(sessionId, err);
    } finally {
      watch.running = false;
      if (watch.listeners.size > 0) this.schedule(sessionId, watch);
      else if (this.watches.get(sessionId) === watch) this.watches.delete(sessionId);
    }
  }

  private emit(watch: Watch, view: ProgressView): void {
    const json = JSON.stringify(view);
    if (json === watch.last) return;
    watch.last = json;
    for (const listener of watch.listeners) listener(view);
  }
}
