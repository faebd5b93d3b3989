/**
 * The runner's own description of a lab environment: which hosts to start, from which images, with
 * which files, limits and setup scripts. It deliberately does not reuse the lab format's types (that
 * format belongs to labs/ and evolves on its own); from-lab.ts maps a Lab onto it. `resolveSpec` turns
 * a partial input into a complete spec with the security defaults applied, reporting every problem at
 * once so a lab author fixes them in one pass.
 */
import { DEFAULT_CAP_ADD, DEFAULT_NODE_RESOURCES, DEFAULT_RESOURCES } from "./security";
import { normalizeImageRef } from "../docker/image-ref";
import type { ResourceLimits } from "../docker/runtime";

export interface EnvFile {
  targetPath: string;
  content: Uint8Array;
  /** Unix permission bits; 0o644 when omitted in the input. */
  mode: number;
}

export interface SetupScript {
  /** Shown in progress and error messages, e.g. "setup.sh" or "setup #1". */
  name: string;
  script: string;
  timeoutMs: number;
}

export interface HostSpec {
  /** DNS label: the container's hostname and the alias other hosts reach it by. */
  name: string;
  image: string;
  privileged: boolean;
  /** Capabilities added on top of the default set (see security.ts). */
  capAdd: string[];
  resources: ResourceLimits;
  env: Record<string, string>;
  files: EnvFile[];
  workingDir?: string;
  /** Overrides the image's CMD; undefined keeps the image's own (which must keep running). */
  command?: string[];
  /** Run in order, after every host has started and received its files. */
  setup: SetupScript[];
}

/** A kind-style Kubernetes cluster beside the hosts (runner/cluster/ provisions it). */
export interface ClusterSpec {
  /** One control-plane node plus `nodes - 1` workers. */
  nodes: number;
  kubernetesVersion: string;
  /** A node image that follows kind's node-image contract (praxis/kind-node or kindest/node). */
  image: string;
  /** Local images loaded into every node's containerd (the `kind load docker-image` equivalent). */
  loadImages: string[];
  /** Limits of each node container. */
  nodeResources: ResourceLimits;
}

export interface EnvironmentSpec {
  labId: string;
  hosts: HostSpec[];
  cluster?: ClusterSpec;
  /** Give hosts a route to the internet. Off by default: see security.ts for the trade-off. */
  egress: boolean;
}

type Opt<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;
export type EnvFileInput = Opt<EnvFile, "mode">;
export type SetupScriptInput = Opt<SetupScript, "timeoutMs" | "name">;
export type HostSpecInput = Opt<Omit<HostSpec, "files" | "setup" | "resources">, "privileged" | "capAdd" | "env"> & {
  resources?: Partial<ResourceLimits>;
  files?: EnvFileInput[];
  setup?: SetupScriptInput[];
};
export type ClusterSpecInput = Opt<Omit<ClusterSpec, "nodeResources">, "loadImages" | "nodes"> & { nodeResources?: Partial<ResourceLimits> };
export interface EnvironmentSpecInput {
  labId: string;
  hosts: HostSpecInput[];
  cluster?: ClusterSpecInput;
  egress?: boolean;
}

export const DEFAULT_SETUP_TIMEOUT_MS = 5 * 60_000;
const HOST_NAME = /^[a-z]([a-z0-9-]{0,30}[a-z0-9])?$/;
const CAPABILITY = /^[A-Z_]+$/;

export class InvalidEnvironmentError extends Error {
  override readonly name = "InvalidEnvironmentError";
  constructor(readonly problems: string[]) {
    super(`invalid environment:\n  - ${problems.join("\n  - ")}`);
  }
}

export function resolveSpec(input: EnvironmentSpecInput): EnvironmentSpec {
  const problems: string[] = [];
  if (input.hosts.length === 0) problems.push("an environment needs at least one host");
  const seen = new Set<string>();
  const hosts = input.hosts.map((h, i): HostSpec => {
    const where = `hosts[${i}] (${h.name})`;
    if (!HOST_NAME.test(h.name)) problems.push(`${where}: name must be a lowercase DNS label of at most 32 characters`);
    if (seen.has(h.name)) problems.push(`${where}: duplicate host name`);
    seen.add(h.name);
    if (!h.image) problems.push(`${where}: image is required`);
    for (const cap of h.capAdd ?? []) if (!CAPABILITY.test(cap)) problems.push(`${where}: bad capability "${cap}"`);
    for (const f of h.files ?? []) if (!f.targetPath.startsWith("/")) problems.push(`${where}: file path must be absolute: ${f.targetPath}`);
    const resources = { ...DEFAULT_RESOURCES, ...h.resources };
    for (const [k, v] of Object.entries(resources)) if (!Number.isInteger(v) || v <= 0) problems.push(`${where}: resources.${k} must be a positive integer`);
    return {
      name: h.name,
      image: normalizeImageRef(h.image),
      privileged: h.privileged ?? false,
      capAdd: [...new Set([...DEFAULT_CAP_ADD, ...(h.capAdd ?? []).map((c) => c.replace(/^CAP_/, ""))])],
      resources,
      env: { ...h.env },
      files: (h.files ?? []).map((f) => ({ ...f, mode: f.mode ?? 0o644 })),
      workingDir: h.workingDir,
      command: h.command,
      setup: (h.setup ?? []).map((s, j) => ({
        name: s.name ?? `${h.name} setup #${j + 1}`,
        script: s.script,
        timeoutMs: s.timeoutMs ?? DEFAULT_SETUP_TIMEOUT_MS,
      })),
    };
  });
  const cluster = input.cluster && resolveCluster(input.cluster, problems);
  if (problems.length > 0) throw new InvalidEnvironmentError(problems);
  return { labId: input.labId, hosts, ...(cluster && { cluster }), egress: input.egress ?? false };
}

export const MAX_CLUSTER_NODES = 5;

/** Memory promised to an environment: its hosts' limits plus its cluster nodes' (admission counts this). */
export function specMemoryBytes(spec: EnvironmentSpec): number {
  const hosts = spec.hosts.reduce((sum, h) => sum + h.resources.memoryBytes, 0);
  return hosts + (spec.cluster ? spec.cluster.nodes * spec.cluster.nodeResources.memoryBytes : 0);
}

function resolveCluster(input: ClusterSpecInput, problems: string[]): ClusterSpec {
  const nodes = input.nodes ?? 1;
  if (!Number.isInteger(nodes) || nodes < 1 || nodes > MAX_CLUSTER_NODES) problems.push(`cluster: nodes must be 1 to ${MAX_CLUSTER_NODES}`);
  if (!/^v\d+\.\d+\.\d+$/.test(input.kubernetesVersion)) problems.push(`cluster: kubernetesVersion must look like v1.34.4`);
  if (!input.image) problems.push("cluster: image is required");
  return {
    nodes,
    kubernetesVersion: input.kubernetesVersion,
    image: normalizeImageRef(input.image),
    loadImages: (input.loadImages ?? []).map(normalizeImageRef),
    nodeResources: { ...DEFAULT_NODE_RESOURCES, ...input.nodeResources },
  };
}
