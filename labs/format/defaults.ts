/**
 * Every default of the lab format in one place, so the converter, the JSON Schema descriptions and
 * AUTHORING.md agree. Resource defaults match the runner's per-host limits (512 MiB, 1 CPU, 256 pids).
 */
export const DEFAULTS = {
  hostName: "workstation",
  image: "praxis/workstation",
  workingDir: "/root",
  cpus: 1,
  memory: "512Mi",
  pids: 256,
  terminal: true,
  fileMode: "0644",
  executableFileMode: "0755",
  checkTimeout: "30s",
  /** Pause between two reads of the cluster while a kubernetes check polls. */
  kubernetesCheckInterval: "1s",
  scriptTimeout: "2m",
  /** container, file and http checks: how long they keep trying (short, so a wrong answer is reported quickly). */
  hostCheckTimeout: "10s",
  /** Pause between two tries of a container, file or http check. */
  checkInterval: "1s",
  /** Deadline of one request of an http check. */
  httpRequestTimeout: "5s",
  /** Path of a host's web service when `ports[].path` is omitted. */
  portPath: "/",
  checkWeight: 1,
  clusterNodes: 1,
  kubernetesVersion: "v1.34.4" as KubernetesVersion,
  intro: "intro.md",
  finish: "finish.md",
  /** Instructions of step <id> when `instructions` is omitted. */
  instructions: (stepId: string) => `steps/${stepId}/index.md`,
} as const;

/** Sanity limits: beyond these a value is almost certainly a mistake (or would starve the runner). */
export const LIMITS = {
  maxTimeoutMs: 3_600_000,
  minMemoryBytes: 32 * 1024 ** 2,
  maxMemoryBytes: 16 * 1024 ** 3,
  maxCpus: 16,
  minPids: 32,
  maxPids: 32_768,
  maxClusterNodes: 5,
  /** A script check runs at most 1 + this many times, so a Check press stays bounded. */
  maxScriptRetries: 5,
  maxEstimatedMinutes: 600,
} as const;

/**
 * The Kubernetes versions Praxis builds a node image for (`praxis images build kind-node`; the pins live in
 * runner/kind/versions.ts). No registry is assumed, so a lab asking for any other version could never start.
 */
export const KUBERNETES_VERSIONS = ["v1.34.4"] as const;
export type KubernetesVersion = (typeof KUBERNETES_VERSIONS)[number];
