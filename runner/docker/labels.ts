/**
 * The labels the runner puts on every object it creates, and the names it gives them. Labels are the
 * source of truth for what exists: after a restart (or from another CLI invocation) the runner lists
 * `praxis.managed=true` objects and rebuilds its state from these keys, so nothing is stored twice.
 */

export const LABEL = {
  managed: "praxis.managed",
  session: "praxis.session",
  lab: "praxis.lab",
  host: "praxis.host",
  runner: "praxis.runner",
  role: "praxis.role",
  /** ISO time after which the session is expired (containers only; lets reconciliation expire it). */
  expiresAt: "praxis.expires-at",
  /** ISO time the session was created. */
  createdAt: "praxis.created-at",
  /** Warm-pool members only: the lab they were made for (whether claimed is in the runner's records). */
  pool: "praxis.pool",
  /** Warm-pool members only: fingerprint of the spec they were made from (environment/fingerprint.ts). */
  specFingerprint: "praxis.spec-fingerprint",
  /** Content hash of an image's build context (images only; enables build caching). */
  contextHash: "praxis.context-hash",
} as const;

export type Role = "host" | "node" | "network" | "image";

export interface SessionLabelInput {
  sessionId: string;
  labId: string;
  runnerId: string;
  role: Role;
  host?: string;
  extra?: Record<string, string>;
}

export function sessionLabels(input: SessionLabelInput): Record<string, string> {
  const labels: Record<string, string> = {
    [LABEL.managed]: "true",
    [LABEL.session]: input.sessionId,
    [LABEL.lab]: input.labId,
    [LABEL.runner]: input.runnerId,
    [LABEL.role]: input.role,
    ...input.extra,
  };
  if (input.host !== undefined) labels[LABEL.host] = input.host;
  return labels;
}

/** Filter matching every object a runner instance manages (or every runner's, without an id). */
export function managedFilter(runnerId?: string): Record<string, string> {
  return runnerId === undefined ? { [LABEL.managed]: "true" } : { [LABEL.managed]: "true", [LABEL.runner]: runnerId };
}

export function containerName(sessionId: string, host: string): string {
  return `praxis-${sessionId}-${host}`;
}

export function networkName(sessionId: string): string {
  return `praxis-${sessionId}`;
}
