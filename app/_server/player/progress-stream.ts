/**
 * The body of `GET /api/sessions/:id/progress/events`: Server-Sent Events carrying a `progress` event
 * with the whole ProgressView, first the current one and then every change the hub sees. A comment line
 * every 15 s keeps proxies from closing an idle stream. Leaving (the browser closes the stream or the
 * request is aborted) unsubscribes, which is what stops the session's background checks.
 */
import type { ProgressHub } from "./progress-hub";
import type { ProgressView } from "./progress-model";

export const KEEPALIVE_MS = 15_000;

const encoder = new TextEncoder();
export const progressEvent = (view: ProgressView) => encoder.encode(`event: progress\ndata: ${JSON.stringify(view)}\n\n`);

export function progressStream(hub: ProgressHub, initial: ProgressView, signal?: AbortSignal, keepaliveMs = KEEPALIVE_MS): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (bytes: Uint8Array) => {
        try {
          controller.enqueue(bytes);
        } catch {
          cleanup(); // the stream is already closed
        }
      };
      send(progressEvent(initial));
      const unsubscribe = hub.subscribe(initial.sessionId, (view) => send(progressEvent(view)), initial);
      const keepalive = setInterval(() => send(encoder.encode(": keepalive\n\n")), keepaliveMs);
      let done = false;
      cleanup = () => {
        if (done) return;
        done = true;
        clearInterval(keepalive);
        unsubscribe();
        signal?.removeEventListener("abort", onAbort);
      };
      const onAbort = () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener("abort", onAbort);
    },
    cancel() {
      cleanup();
    },
  });
}
