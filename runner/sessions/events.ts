/**
 * The per-session event feed behind `GET /sessions/:id/events`: provisioning progress (one entry per
 * step start, progress line, done or failure) and state changes. A subscriber first gets the history of
 * the current provisioning run, so a browser that connects late (or reconnects) still sees every step,
 * then live entries. History is capped so an image build printing thousands of lines stays bounded.
 */
import type { ProgressEvent } from "../provision/provision";
import type { Session } from "./model";

export type SessionEvent = { kind: "progress"; progress: ProgressEvent; at: string } | { kind: "state"; session: Session };

const MAX_HISTORY = 300;

interface Feed {
  history: SessionEvent[];
  listeners: Set<(e: SessionEvent) => void>;
}

export class SessionEvents {
  private readonly feeds = new Map<string, Feed>();

  private feed(id: string): Feed {
    let f = this.feeds.get(id);
    if (!f) this.feeds.set(id, (f = { history: [], listeners: new Set() }));
    return f;
  }

  /** Starts a new provisioning run (creation or reset): earlier history no longer describes it. */
  begin(id: string): void {
    this.feed(id).history = [];
  }

  publish(id: string, event: SessionEvent): void {
    const f = this.feed(id);
    f.history.push(event);
    // Keep the first entries (the step list starts there) and the newest ones.
    if (f.history.length > MAX_HISTORY) f.history.splice(20, f.history.length - MAX_HISTORY);
    for (const l of f.listeners) l(event);
  }

  /** The history so far, then every new event through `listener` until the returned function is called. */
  subscribe(id: string, listener: (e: SessionEvent) => void): { history: SessionEvent[]; unsubscribe: () => void } {
    const f = this.feed(id);
    f.listeners.add(listener);
    return { history: [...f.history], unsubscribe: () => f.listeners.delete(listener) };
  }

  forget(id: string): void {
    this.feeds.delete(id);
  }
}
