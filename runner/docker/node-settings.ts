/**
 * Checks the optional node-container settings of a ContainerSpec before any engine call, in both the
 * Docker runtime and the fake, so a bad spec fails the same way everywhere and says which field is
 * wrong. The main trap it closes: Docker reads a relative "host" part of a bind as a *named volume*,
 * silently creating one instead of mounting the directory.
 */
import { RuntimeError } from "./errors";
import type { ContainerSpec } from "./runtime";

export function checkNodeSettings(spec: ContainerSpec): void {
  const problems: string[] = [];
  const absolute = (field: string, path: string) => {
    if (!path.startsWith("/")) problems.push(`${field}: path must be absolute: ${JSON.stringify(path)}`);
    if (path.includes(":")) problems.push(`${field}: path must not contain ':': ${JSON.stringify(path)}`);
  };
  for (const path of Object.keys(spec.tmpfs ?? {})) absolute("tmpfs", path);
  for (const path of spec.volumes ?? []) absolute("volumes", path);
  for (const b of spec.binds ?? []) {
    absolute("binds.hostPath", b.hostPath);
    absolute("binds.containerPath", b.containerPath);
  }
  const port = (n: number | undefined, min: number) => n === undefined || (Number.isInteger(n) && n >= min && n <= 65535);
  for (const p of spec.ports ?? []) {
    if (!port(p.containerPort, 1)) problems.push(`ports: containerPort must be 1-65535, got ${p.containerPort}`);
    if (!port(p.hostPort, 0)) problems.push(`ports: hostPort must be 0-65535, got ${p.hostPort}`);
  }
  const retries = spec.restartPolicy?.maximumRetryCount;
  if (retries !== undefined && (!Number.isInteger(retries) || retries < 0)) {
    problems.push(`restartPolicy: maximumRetryCount must be a non-negative integer, got ${retries}`);
  }
  if (problems.length > 0) {
    throw new RuntimeError("failed", `create container ${spec.name}: invalid spec: ${problems.join("; ")}`);
  }
}

/** The engine's key for a container port, e.g. "6443/tcp". */
export const portKey = (containerPort: number, protocol = "tcp") => `${containerPort}/${protocol}`;

/** Engine "Binds" syntax: host:container[:ro]. */
export const bindString = (b: { hostPath: string; containerPath: string; readOnly?: boolean }) =>
  `${b.hostPath}:${b.containerPath}${b.readOnly ? ":ro" : ""}`;
