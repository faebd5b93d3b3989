/**
 * Rebuilds sessions from what the runtime reports, for reconciliation at start-up. Pure: given the
 * runner's labelled containers and networks, it decides which sessions can be adopted (every host
 * running, not expired) and which objects are orphans to remove. Labels are the record of what exists;
 * the runner's session records (state/records.ts) add what labels cannot say because they are immutable:
 * a later expiry after an extension, and that a warm-pool member was claimed (else it rejoins the pool).
 */
import { KIND_LABEL } from "../cluster/names";
import { LABEL } from "../docker/labels";
import type { ContainerInfo, NetworkInfo } from "../docker/runtime";
import type { SessionRecord } from "../state/records";
import type { Session } from "./model";

export interface AdoptionPlan {
  adopt: Session[];
  /** Session ids whose objects must be removed. */
  orphanSessions: string[];
  /** Managed objects carrying no session label at all. */
  strayContainers: string[];
  strayNetworks: string[];
}

export function planAdoption(
  containers: ContainerInfo[],
  networks: NetworkInfo[],
  known: ReadonlySet<string>,
  now: Date,
  records: ReadonlyMap<string, SessionRecord> = new Map(),
): AdoptionPlan {
  const bySession = new Map<string, ContainerInfo[]>();
  const plan: AdoptionPlan = { adopt: [], orphanSessions: [], strayContainers: [], strayNetworks: [] };
  for (const c of containers) {
    const id = c.labels[LABEL.session];
    if (!id) plan.strayContainers.push(c.id);
    else if (!known.has(id)) bySession.set(id, [...(bySession.get(id) ?? []), c]);
  }
  for (const [id, list] of bySession) {
    const session = rebuild(id, list, now, records.get(id));
    if (session) plan.adopt.push(session);
    else plan.orphanSessions.push(id);
  }
  const accounted = new Set([...known, ...bySession.keys()]);
  for (const n of networks) {
    const id = n.labels[LABEL.session];
    if (!id) plan.strayNetworks.push(n.id);
    // A network without any containers of its session is what a crash between steps leaves behind.
    else if (!accounted.has(id)) {
      plan.orphanSessions.push(id);
      accounted.add(id);
    }
  }
  return plan;
}

function rebuild(id: string, containers: ContainerInfo[], now: Date, record: SessionRecord | undefined): Session | null {
  const first = containers[0];
  if (!first) return null;
  const expiresAt = new Date(record?.expiresAt ?? first.labels[LABEL.expiresAt] ?? "");
  const createdAt = new Date(record?.createdAt ?? first.labels[LABEL.createdAt] ?? first.createdAt);
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now) return null;
  // Hosts and (for Kubernetes labs) cluster nodes must all be running; anything else is half a session.
  if (containers.some((c) => c.state !== "running" || !(c.labels[LABEL.host] || c.labels[LABEL.role] === "node"))) return null;
  const hosts = containers.filter((c) => c.labels[LABEL.host]);
  if (hosts.length === 0) return null;
  const pooled = first.labels[LABEL.pool] !== undefined;
  // A pool member is recorded once fully provisioned; without a record it was cut off halfway.
  if (pooled && !record) return null;
  const warm = pooled && !record?.claimed;
  return {
    id,
    labId: first.labels[LABEL.lab] ?? "",
    state: warm ? "warm" : "ready",
    ...(warm ? { poolSpec: first.labels[LABEL.specFingerprint] ?? "" } : {}),
    createdAt: Number.isNaN(createdAt.getTime()) ? first.createdAt : createdAt,
    expiresAt,
    lastActivityAt: now,
    hosts: hosts.map((c) => ({ name: c.labels[LABEL.host]!, containerId: c.id })),
    ...clusterOf(containers),
    memoryBytes: containers.reduce((sum, c) => sum + c.hostConfig.resources.memoryBytes, 0),
  };
}

function clusterOf(containers: ContainerInfo[]): Pick<Session, "cluster"> {
  const nodes = containers.filter((c) => c.labels[LABEL.role] === "node");
  const name = nodes[0]?.labels[KIND_LABEL.cluster];
  return name ? { cluster: { name, nodes: nodes.length } } : {};
}
