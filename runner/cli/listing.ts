/**
 * Sessions as the runtime's labels describe them, for `env ls`/`env exec` across CLI invocations:
 * the CLI keeps no state file, the labels are the record.
 */
import { EXIT } from "../../labs/cli/command";
import { KIND_LABEL } from "../cluster/names";
import { LABEL } from "../docker/labels";
import type { ContainerInfo, ContainerRuntime } from "../docker/runtime";

export interface LabelledSession {
  id: string;
  lab: string;
  runner: string;
  expiresAt?: string;
  hosts: { name: string; containerId: string; state: string }[];
  /** kind cluster name and node count, for environments with a Kubernetes cluster. */
  cluster?: { name: string; nodes: number };
}

export async function labelledSessions(runtime: ContainerRuntime): Promise<LabelledSession[]> {
  const containers = await runtime.listContainers({ [LABEL.managed]: "true", [LABEL.role]: "host" });
  const nodes = await runtime.listContainers({ [LABEL.managed]: "true", [LABEL.role]: "node" });
  const clusters = new Map<string, { name: string; nodes: number }>();
  for (const n of nodes) {
    const id = n.labels[LABEL.session];
    if (!id) continue;
    const known = clusters.get(id);
    clusters.set(id, { name: n.labels[KIND_LABEL.cluster] ?? "", nodes: (known?.nodes ?? 0) + 1 });
  }
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
      ...(clusters.has(id) ? { cluster: clusters.get(id) } : {}),
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export type LabelledHost = LabelledSession["hosts"][number];

/**
 * The host a command addresses in environment `id`: the one named by --host, or the only one. On a
 * miss it reports why on stderr (prefixed with the command's name) and returns the exit code instead.
 */
export async function findHost(
  runtime: ContainerRuntime,
  command: string,
  id: string,
  wanted: string | undefined,
  stderr: { write(text: string): unknown },
): Promise<LabelledHost | number> {
  const session = (await labelledSessions(runtime)).find((s) => s.id === id);
  if (!session) {
    stderr.write(`${command}: no environment ${id} (see praxis env ls)\n`);
    return EXIT.failure;
  }
  const names = session.hosts.map((h) => h.name).join(", ");
  if (!wanted && session.hosts.length > 1) {
    stderr.write(`${command}: environment ${id} has several hosts (${names}); pick one with --host\n`);
    return EXIT.usage;
  }
  const host = wanted ? session.hosts.find((h) => h.name === wanted) : session.hosts[0];
  if (!host) {
    stderr.write(`${command}: environment ${id} has no host "${wanted}" (hosts: ${names})\n`);
    return EXIT.failure;
  }
  return host;
}
