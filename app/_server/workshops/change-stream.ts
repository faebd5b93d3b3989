/**
 * Server-Sent Events that push a value whenever it changes: `load` runs every `intervalMs` on the server
 * (the browser never polls), and an event goes out only when the JSON differs from the last one sent.
 * The dashboard and the learners' workshop stream both use it; a sub-second interval is what makes a
 * learner's progress show on the dashboard within a second. A failing load is reported as an `error`
 * event and retried on the next tick; `stop` (returning true from `isDone`) closes the stream.
 */
export interface ChangeStreamOptions<T> {
  event: string;
  load(): Promise<T>;
  intervalMs: number;
  signal?: AbortSignal;
  /** Closes the stream after sending a value for which this is true (e.g. the workshop ended). */
  isDone?(value: T): boolean;
  onClose?(): void | Promise<void>;
  keepaliveMs?: number;
}

const encoder = new TextEncoder();

export function changeStream<T>(o: ChangeStreamOptions<T>): ReadableStream<Uint8Array> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let last = "";
  let lastSent = Date.now();
  let close = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
          lastSent = Date.now();
        } catch {
          close();
        }
      };
      close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        o.signal?.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed
        }
        void o.onClose?.();
      };
      const tick = async () => {
        timer = undefined;
        try {
          const value = await o.load();
          const json = JSON.stringify(value);
          if (json !== last) {
            last = json;
            send(`event: ${o.event}\ndata: ${json}\n\n`);
          } else if (Date.now() - lastSent > (o.keepaliveMs ?? 15_000)) send(": keepalive\n\n");
          if (o.isDone?.(value)) return close();
        } catch (err) {
          send(`event: error\ndata: ${JSON.stringify({ message: err instanceof Error ? err.message : String(err) })}\n\n`);
        }
        if (!closed) timer = setTimeout(() => void tick(), o.intervalMs);
      };
      if (o.signal?.aborted) return close();
      o.signal?.addEventListener("abort", close);
      void tick();
    },
    cancel() {
      close();
    },
  });
}

export const SSE_HEADERS = { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache, no-transform", "x-accel-buffering": "no" } as const;
