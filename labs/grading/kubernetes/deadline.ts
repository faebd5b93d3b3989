/**
 * Time limits for cluster reads: each call gets its own deadline (and is aborted when it passes, so the
 * HTTP request is torn down), and an outer signal can cancel everything. The race does not trust the
 * reader to honour the signal, so even a reader that never settles cannot hold a check past its deadline.
 */
import { readErrors } from "./reader";

export async function withDeadline<T>(
  ms: number,
  target: () => string,
  call: (signal: AbortSignal) => Promise<T>,
  outer?: AbortSignal,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onOuterAbort = () => {};
  const stop = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(readErrors.timeout(target(), ms));
    }, ms);
    onOuterAbort = () => {
      controller.abort();
      reject(readErrors.cancelled(target()));
    };
    if (outer?.aborted) onOuterAbort();
    else outer?.addEventListener("abort", onOuterAbort, { once: true });
  });
  try {
    return await Promise.race([call(controller.signal), stop]);
  } finally {
    // Checks poll many times with one outer signal; leaving listeners behind would leak one per call.
    clearTimeout(timer);
    outer?.removeEventListener("abort", onOuterAbort);
  }
}

export { sleep } from "../sleep";
