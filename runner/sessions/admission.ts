/**
 * Admission control: a new session is refused with "at capacity" when it would exceed the configured
 * number of live sessions or the total memory promised to them. Memory is counted from the limits we
 * set (not from usage), so an admitted session can never be starved by later ones.
 */
import { SessionError } from "./errors";
import { isLive, type Session } from "./model";

export interface CapacityLimits {
  maxSessions: number;
  maxMemoryBytes: number;
}

export function admit(sessions: Iterable<Session>, requestedMemoryBytes: number, limits: CapacityLimits): void {
  let count = 0;
  let memory = 0;
  for (const s of sessions) {
    if (!isLive(s)) continue;
    count++;
    memory += s.memoryBytes;
  }
  if (count + 1 > limits.maxSessions) {
    throw new SessionError("at_capacity", `at capacity: ${count} of ${limits.maxSessions} sessions are running`);
  }
  if (memory + requestedMemoryBytes > limits.maxMemoryBytes) {
    const mib = (n: number) => `${Math.round(n / 1024 / 1024)} MiB`;
    throw new SessionError("at_capacity", `at capacity: ${mib(requestedMemoryBytes)} requested, ${mib(limits.maxMemoryBytes - memory)} of ${mib(limits.maxMemoryBytes)} free`);
  }
}
