/**
 * Follows a Server-Sent Events stream for as long as a page wants it. The browser reconnects a dropped
 * stream by itself, but not one the server closed or refused (the site restarting, say); those are
 * reopened after a pause, so live views (progress, the dashboard) recover without a reload.
 */
export interface FollowOptions {
  reopenMs: number;
  onOpen?(): void;
  /** The connection is down (the browser retries, or we reopen after `reopenMs`). */
  onDown?(): void;
}

/** Calls `listeners[event](data)` for each named event; returns the function that stops following. */
export function followEvents(url: string, listeners: Record<string, (data: string) => void>, options: FollowOptions): () => void {
  let source: EventSource | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const open = () => {
    if (stopped) return;
    const current = new EventSource(url);
    source = current;
    current.onopen = () => options.onOpen?.();
    for (const [event, listener] of Object.entries(listeners)) current.addEventListener(event, (m) => listener((m as MessageEvent<string>).data));
    current.onerror = () => {
      options.onDown?.();
      if (current.readyState !== EventSource.CLOSED) return; // the browser reconnects by itself
      source = null;
      timer = setTimeout(open, options.reopenMs);
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    source?.close();
  };
}
