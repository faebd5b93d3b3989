/**
 * Removes everything labelled with a session id: containers first (a network cannot go while
 * endpoints remain), then networks. Driven by labels rather than by remembered ids so it also catches
 * objects a crashed or interrupted provisioning left behind. Returns what could not be removed.
 */
import { LABEL } from "../docker/labels";
import type { ContainerRuntime } from "../docker/runtime";

export async function removeSessionObjects(runtime: ContainerRuntime, sessionId: string, runnerId?: string): Promise<string[]> {
  // With a runner id, only that runner's objects go: a session id clash must never cost another runner its session.
  const filter: Record<string, string> = { [LABEL.managed]: "true", [LABEL.session]: sessionId };
  if (runnerId !== undefined) filter[LABEL.runner] = runnerId;
  const failures: string[] = [];
  for (const c of await runtime.listContainers(filter)) {
    await runtime.removeContainer(c.id).catch((err: unknown) => failures.push(`container ${c.name}: ${String(err)}`));
  }
  for (const n of await runtime.listNetworks(filter)) {
    await runtime.removeNetwork(n.id).catch((err: unknown) => failures.push(`network ${n.name}: ${String(err)}`));
  }
  return failures;
}
