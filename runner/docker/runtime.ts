/**
 * The one boundary between Praxis and a container engine. Everything the runner does to containers,
 * networks and images goes through `ContainerRuntime`; `DockerodeRuntime` talks to a real Docker daemon
 * and `FakeRuntime` keeps the same behaviour in memory for unit tests. Both pass the shared contract suite
 * in runtime.contract.ts. The types here are plain data (no dockerode types leak out) so provisioning,
 * sessions and terminals can be written and tested without Docker.
 */

import type { Readable, Writable } from "node:stream";

/** Container labels / filters. Filters match when every listed key has exactly the given value. */
export type Labels = Readonly<Record<string, string>>;

export interface NetworkSpec {
  name: string;
  labels: Labels;
  /**
   * An internal network has no route out of the bridge: containers on it reach each other but not the
   * host's 0.0.0.0 ports (the runner API) nor the internet. See runner/environment/security.ts.
   */
  internal: boolean;
  /** Bridge driver options, e.g. com.docker.network.bridge.inhibit_ipv4 (see security.ts for why). */
  driverOptions?: Readonly<Record<string, string>>;
  /** An IPv4 subnet (CIDR) instead of one from the engine's default pools. */
  subnet?: string;
}

export interface NetworkInfo {
  id: string;
  name: string;
  labels: Labels;
  internal: boolean;
  /** Ids of the containers currently attached. */
  containerIds: string[];
}

export interface ResourceLimits {
  /** CPU quota in units of 1e-9 CPUs (1 CPU = 1_000_000_000). */
  nanoCpus: number;
  memoryBytes: number;
  /** Maximum number of processes/threads in the container (cgroup pids limit). */
  pids: number;
}

export interface ContainerSpec extends NodeContainerSettings {
  name: string;
  image: string;
  hostname: string;
  labels: Labels;
  env: Readonly<Record<string, string>>;
  /** Overrides the image's CMD; environments use a long-running no-op so exec is always possible. */
  cmd?: string[];
  entrypoint?: string[];
  workingDir?: string;
  network: { name: string; aliases: string[] };
  privileged: boolean;
  capAdd: string[];
  capDrop: string[];
  /** Docker security options, e.g. "no-new-privileges:true". */
  securityOpt: string[];
  resources: ResourceLimits;
  /** Run a tiny init as PID 1 so zombies are reaped and signals work. */
  init: boolean;
}

/** A host directory mounted into the container (Engine "Binds" entry host:container[:ro]). */
export interface BindMount {
  hostPath: string;
  containerPath: string;
  readOnly?: boolean;
}

/** A container port published on the host (`docker run --publish hostIp:hostPort:containerPort/protocol`). */
export interface PortPublish {
  containerPort: number;
  /** Default "tcp". */
  protocol?: "tcp" | "udp";
  /** Default "" (all interfaces); use "127.0.0.1" to keep the port private to this machine. */
  hostIp?: string;
  /** Omitted or 0: the engine picks a free port when the container starts. */
  hostPort?: number;
}

/** A published port as the engine reports it; hostPort is 0 until the engine has picked one. */
export interface PublishedPort {
  containerPort: number;
  protocol: "tcp" | "udp";
  hostIp: string;
  hostPort: number;
}

export interface RestartPolicy {
  name: "no" | "on-failure" | "always" | "unless-stopped";
  /** Only meaningful with "on-failure". */
  maximumRetryCount?: number;
}

/** A volume or bind mount of a container; `source` is the volume name or the host path. */
export interface MountInfo {
  type: "volume" | "bind";
  source: string;
  destination: string;
  readOnly: boolean;
}

/**
 * Settings that ordinary lab hosts leave at the engine's defaults but a kind-style Kubernetes node
 * needs (systemd as PID 1 wants a tty, writable tmpfs /run, its own cgroup namespace, a /var volume
 * that keeps the preloaded images, the host's kernel modules, a published API server port).
 * All optional, so existing specs keep their meaning.
 */
export interface NodeContainerSettings {
  /** Allocate a pseudo-terminal for PID 1 (`--tty`). */
  tty?: boolean;
  /** Container path -> tmpfs mount options ("" for the defaults), e.g. { "/run": "", "/tmp": "" }. */
  tmpfs?: Readonly<Record<string, string>>;
  /** Container paths that get a fresh anonymous volume (`--volume /var`); removed with the container. */
  volumes?: readonly string[];
  binds?: readonly BindMount[];
  /** "private" gives the container its own cgroup namespace (kind's `--cgroupns=private`). */
  cgroupnsMode?: "private" | "host";
  ports?: readonly PortPublish[];
  /** Default: never restart. */
  restartPolicy?: RestartPolicy;
  /** Signal `docker stop` sends, e.g. "SIGRTMIN+3" so systemd shuts down cleanly; default the image's. */
  stopSignal?: string;
}

export type ContainerState = "created" | "running" | "paused" | "restarting" | "exited" | "dead" | "removing";

export interface ContainerInfo {
  id: string;
  name: string;
  image: string;
  labels: Labels;
  state: ContainerState;
  createdAt: Date;
  /** Network name -> IPv4 address ("" when not running). */
  networks: Record<string, string>;
  /** Published ports (requested ones before start, the engine's actual bindings once running). */
  ports: PublishedPort[];
  /** Volume and bind mounts (tmpfs mounts are in hostConfig.tmpfs). */
  mounts: MountInfo[];
  /** The effective configuration, as the engine reports it (lets tests check security defaults). */
  hostConfig: {
    privileged: boolean;
    capAdd: string[];
    capDrop: string[];
    securityOpt: string[];
    resources: ResourceLimits;
    init: boolean;
    tty: boolean;
    tmpfs: Record<string, string>;
    /** "" when the engine reports none (older engines; then the daemon default applies). */
    cgroupnsMode: string;
    restartPolicy: { name: RestartPolicy["name"]; maximumRetryCount: number };
    /** "" when neither the container nor its image sets one. */
    stopSignal: string;
  };
}

export interface ExecOptions {
  cmd: string[];
  env?: Readonly<Record<string, string>>;
  user?: string;
  workingDir?: string;
  /**
   * Written to the process's stdin, then stdin is closed. A stream is piped without buffering (image
   * archives of hundreds of MiB go into `ctr images import` this way).
   */
  stdin?: Uint8Array | string | Readable;
  /**
   * Client-side deadline. On expiry the runtime stops waiting and reports `timedOut`; it cannot kill the
   * process inside the container, so callers that must kill wrap the command in `timeout` (see checks/).
   */
  timeoutMs?: number;
  /** Each of stdout/stderr is truncated to this many bytes (default 1 MiB). */
  maxOutputBytes?: number;
  /**
   * Also return stdout as raw bytes (`stdoutBytes`): output that is not text, such as an HTTP response
   * relayed from a host, would be mangled by the UTF-8 decoding of `stdout`.
   */
  rawStdout?: boolean;
}

export interface ExecResult {
  /** -1 when the exec timed out before an exit code was known. */
  exitCode: number;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  truncated: boolean;
  /** The same output as `stdout`, undecoded; only set when `rawStdout` was requested. */
  stdoutBytes?: Uint8Array;
}

export interface TtyExecOptions {
  cmd: string[];
  env?: Readonly<Record<string, string>>;
  user?: string;
  workingDir?: string;
  cols: number;
  rows: number;
}

/**
 * A running interactive process with a pseudo-terminal (used by terminals, runner/terminal/).
 * Output is one merged byte stream, as a terminal expects.
 */
export interface TtyExec {
  /** Subscribe to output chunks; returns an unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  write(data: Uint8Array | string): void;
  resize(cols: number, rows: number): Promise<void>;
  /** Flow control: stop reading output from the engine until resume(). */
  pause(): void;
  resume(): void;
  /** Detach (closes the connection; the process receives EOF/hangup). */
  close(): void;
  /** Resolves when the process ends or the connection closes; exitCode null when unknown. */
  readonly exited: Promise<{ exitCode: number | null }>;
}

/**
 * A running process without a terminal whose stdin and stdout are byte streams, for long-lived tunnels
 * (a WebSocket relayed to a web service inside a host). stderr is kept (capped) for error messages.
 */
export interface PipedExec {
  /** Ending it closes the process's stdin. */
  readonly stdin: Writable;
  /** Ends when the process ends. */
  readonly stdout: Readable;
  /** Resolves when the process ends or the connection closes; exitCode null when unknown. */
  readonly exited: Promise<{ exitCode: number | null; stderr: string }>;
  /** Drops the connection (the process gets EOF on stdin). */
  close(): void;
}

export interface FileToCopy {
  /** Absolute path inside the container. */
  path: string;
  content: Uint8Array;
  /** Unix permission bits, e.g. 0o644. */
  mode: number;
  uid?: number;
  gid?: number;
}

export interface ImageInfo {
  id: string;
  tags: string[];
  labels: Labels;
}

export interface BuildImageOptions {
  /** Directory containing the Dockerfile. */
  contextDir: string;
  tag: string;
  labels: Labels;
  /** One line of build output at a time (already decoded from the engine's JSON stream). */
  onProgress?: (line: string) => void;
}

export interface ContainerRuntime {
  /** Checks the engine is reachable; throws RuntimeError("unavailable") otherwise. */
  ping(): Promise<void>;

  createNetwork(spec: NetworkSpec): Promise<NetworkInfo>;
  listNetworks(labels: Labels): Promise<NetworkInfo[]>;
  /** Attaches a created container to a further network (Docker allows only one at creation). */
  connectNetwork(network: string, containerId: string, aliases: string[]): Promise<void>;
  /** Idempotent: removing a missing network is not an error. */
  removeNetwork(nameOrId: string): Promise<void>;

  /** Creates (does not start) a container; throws RuntimeError("conflict") if the name is taken. */
  createContainer(spec: ContainerSpec): Promise<ContainerInfo>;
  startContainer(id: string): Promise<void>;
  /** Idempotent on an already stopped container. */
  stopContainer(id: string, opts?: { timeoutSeconds?: number }): Promise<void>;
  /**
   * Force-removes (kills if running) together with its anonymous volumes. Idempotent: removing a
   * missing container is not an error.
   */
  removeContainer(id: string): Promise<void>;
  /** Null when no such container. */
  inspectContainer(nameOrId: string): Promise<ContainerInfo | null>;
  /** All containers (running or not) whose labels match every given label. */
  listContainers(labels: Labels): Promise<ContainerInfo[]>;

  exec(containerId: string, opts: ExecOptions): Promise<ExecResult>;
  /**
   * Copies a file or directory out of one container into a directory of another (`docker cp` twice,
   * streamed as a tar archive, never held in memory). The copy keeps its base name.
   */
  copyBetween(from: { containerId: string; path: string }, to: { containerId: string; dir: string }): Promise<void>;
  execTty(containerId: string, opts: TtyExecOptions): Promise<TtyExec>;
  /** Starts a process with piped, undecoded stdin/stdout and no terminal (see PipedExec). */
  execPipe(containerId: string, opts: { cmd: string[] }): Promise<PipedExec>;
  /** Writes files (creating parent directories) into a created or running container. */
  copyFiles(containerId: string, files: FileToCopy[]): Promise<void>;

  /** Null when no such image. */
  inspectImage(ref: string): Promise<ImageInfo | null>;
  listImages(labels: Labels): Promise<ImageInfo[]>;
  /** `docker save` of one image as a stream (a docker-archive tar, which `ctr images import` reads). */
  saveImage(ref: string): Promise<Readable>;
  buildImage(opts: BuildImageOptions): Promise<ImageInfo>;
}
