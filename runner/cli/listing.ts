/**
 * Sessions as the runtime's labels describe them, for `env ls`/`env exec` across CLI invocations:
 * the CLI keeps no state file, the labels are the record.
 */
import { LABEL } from "../docker/labels";
import type { ContainerInfo, ContainerRuntime } from "../docker/runtime";

export interface LabelledSession {
  id: string;
  lab: string;
  runner: string;
  expiresAt?: string;
  hosts: { name: string; containerId: string; state: string }[];
}

export async function labelledSessions(runtime: ContainerRuntime): Promise<LabelledSession[]> {
  const containers = await runtime.listContainers({ [LABEL.managed]: "true", [LABEL.role]: "host" });
  const byId = new Map<string, ContainerInfo[]>();
  for (const c of containers) {
    const id = c.labels[LABEL.session];
    if (id) byId.set(id, [...(byId.get(id) ?? []), c]);
  }
  return [...byId]
    .map(([id, list]) => ({
      id,
      lab: list[0]?.labels[LABEL.lab] ?? "",
      runner: list[0]?.labels[LABEL.runner] ?? "",
      expiresAt: list[0]?.labels[LABEL.expiresAt],
      hosts: list
        .map((c) => ({ name: c.labels[LABEL.host] ?? c.name, containerId: c.id, state: c.state }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}
