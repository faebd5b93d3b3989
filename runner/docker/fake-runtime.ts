/**
 * A behavioural in-memory ContainerRuntime for unit tests. It keeps the rules that matter to callers
 * (unique names, containers need an existing image and network, exec needs a running container, a
 * network with containers cannot be removed, removal is idempotent and takes anonymous volumes along,
 * ports left to the engine get a host port on start, label filters) so code tested
 * against it behaves the same against Docker; runtime.contract.ts checks both. Exec is answered by
 * handlers a test installs, falling back to a few built-ins (true, false, echo, cat FILE, exit codes); piped
 * execs likewise (`onPipe`), falling back to a loopback.
 * `failNext` injects an engine failure into a named operation to test rollback paths.
 */
import { PassThrough, Readable } from "node:stream";
import { RuntimeError } from "./errors";
import { FakeTtyExec } from "./fake-tty";
import { normalizeImageRef } from "./image-ref";
import { checkNodeSettings } from "./node-settings";
import type {
  BuildImageOptions,
  ContainerInfo,
  ContainerRuntime,
  ContainerSpec,
  ExecOptions,
  ExecResult,
  FileToCopy,
  ImageInfo,
  Labels,
  NetworkInfo,
  NetworkSpec,
  PublishedPort,
  PipedExec,
  TtyExec,
  TtyExecOptions,
} from "./runtime";

export interface FakeExecCall {
  container: ContainerInfo;
  cmd: string[];
  stdin: string;
  /** The same input, undecoded (binary stdin such as a relayed HTTP request body). */
  stdinBytes: Uint8Array;
  env: Readonly<Record<string, string>>;
  /** Files copied into the container so far. */
  files: ReadonlyMap<string, FileToCopy>;
}
/** A piped exec as the process inside sees it: what the caller writes arrives on `input`; `output` goes back. */
export interface FakePipeCall {
  container: ContainerInfo;
  cmd: string[];
  input: Readable;
  output: PassThrough;
  /** Ends the process: `output` ends and `exited` resolves with this code. */
  exit(exitCode: number, stderr?: string): void;
}
/** Returns true when it takes the piped exec; otherwise the next handler, or a loopback, does. */
export type FakePipeHandler = (call: FakePipeCall) => boolean;

/** Returns a result to answer the exec, or undefined to let the next handler / the built-ins answer. */
export type FakeExecHandler = (call: FakeExecCall) => Partial<ExecResult> | undefined | Promise<Partial<ExecResult> | undefined>;

type Op = keyof ContainerRuntime;

interface FakeContainer {
  info: ContainerInfo;
  spec: ContainerSpec;
  files: Map<string, FileToCopy>;
}

const matches = (labels: Labels, filter: Labels) => Object.entries(filter).every(([k, v]) => labels[k] === v);
const decoder = new TextDecoder();

export class FakeRuntime implements ContainerRuntime {
  private readonly networks = new Map<string, NetworkInfo>();
  private readonly containers = new Map<string, FakeContainer>();
  private readonly images = new Map<string, ImageInfo>();
  private readonly failures = new Map<Op, RuntimeError>();
  private readonly handlers: FakeExecHandler[] = [];
  private readonly pipeHandlers: FakePipeHandler[] = [];
  private readonly volumes = new Set<string>();
  private nextId = 1;
  private nextHostPort = 32768;
  /** Every TTY exec started, newest last, so terminal tests can drive them. */
  readonly ttys: FakeTtyExec[] = [];
  /** Piped execs started, in order; each is a loopback (stdin comes back on stdout), like an echo service. */
  readonly pipes: Array<{ containerId: string; cmd: string[] }> = [];
  /** Operation log ("createContainer praxis-s1-web", ...) for asserting order where it matters. */
  readonly log: string[] = [];
  available = true;

  /** How many networks the engine's default address pools hold (unlimited unless set; Docker's hold ~30). */
  private readonly addressPools: number;
  private readonly subnets = new Map<string, string>();

  constructor(opts: { images?: string[]; addressPools?: number } = {}) {
    for (const ref of opts.images ?? []) this.addImage(ref);
    this.addressPools = opts.addressPools ?? Number.POSITIVE_INFINITY;
  }

  addImage(ref: string, labels: Labels = {}): ImageInfo {
    const image = { id: `sha256:fake${this.nextId++}`, tags: [normalizeImageRef(ref)], labels: { ...labels } };
    this.images.set(normalizeImageRef(ref), image);
    return image;
  }

  onExec(handler: FakeExecHandler): void {
    this.handlers.push(handler);
  }

  onPipe(handler: FakePipeHandler): void {
    this.pipeHandlers.push(handler);
  }

  failNext(op: Op, error = new RuntimeError("failed", `injected failure in ${op}`)): void {
    this.failures.set(op, error);
  }

  /** Simulates a container dying on its own (e.g. OOM-killed). */
  crash(id: string): void {
    this.get(id).info.state = "exited";
  }

  private enter(op: Op, detail: string): void {
    this.log.push(`${op} ${detail}`.trim());
    if (!this.available) throw new RuntimeError("unavailable", `${op}: fake engine unavailable`);
    const failure = this.failures.get(op);
    if (failure) {
      this.failures.delete(op);
      throw failure;
    }
  }

  private id(prefix: string): string {
    return `${prefix}${String(this.nextId++).padStart(12, "0")}`;
  }

  private find(nameOrId: string): FakeContainer | undefined {
    for (const c of this.containers.values()) if (c.info.id === nameOrId || c.info.name === nameOrId) return c;
    return undefined;
  }

  private get(nameOrId: string): FakeContainer {
    const c = this.find(nameOrId);
    if (!c) throw new RuntimeError("not_found", `no such container: ${nameOrId}`);
    return c;
  }

  private findNetwork(nameOrId: string): NetworkInfo | undefined {
    for (const n of this.networks.values()) if (n.id === nameOrId || n.name === nameOrId) return n;
    return undefined;
  }

  async ping(): Promise<void> {
    this.enter("ping", "");
  }

  async createNetwork(spec: NetworkSpec): Promise<NetworkInfo> {
    this.enter("createNetwork", spec.name);
    if (this.findNetwork(spec.name)) throw new RuntimeError("conflict", `network ${spec.name} already exists`);
    const pooled = [...this.networks.keys()].filter((id) => !this.subnets.has(id)).length;
    if (!spec.subnet && pooled >= this.addressPools) throw new RuntimeError("exhausted", "create network: could not find an available, non-overlapping IPv4 address pool");
    if (spec.subnet && [...this.subnets.values()].includes(spec.subnet)) throw new RuntimeError("conflict", `create network: Pool overlaps with other one on this address space (${spec.subnet})`);
    const net: NetworkInfo = { id: this.id("net"), name: spec.name, labels: { ...spec.labels }, internal: spec.internal, containerIds: [] };
    this.networks.set(net.id, net);
    if (spec.subnet) this.subnets.set(net.id, spec.subnet);
    return structuredClone(net);
  }

  async listNetworks(labels: Labels): Promise<NetworkInfo[]> {
    this.enter("listNetworks", "");
    return [...this.networks.values()].filter((n) => matches(n.labels, labels)).map((n) => structuredClone(n));
  }

  async connectNetwork(network: string, containerId: string): Promise<void> {
    this.enter("connectNetwork", `${network} ${containerId}`);
    const net = this.findNetwork(network);
    if (!net) throw new RuntimeError("not_found", `network ${network} not found`);
    const c = this.get(containerId);
    if (net.containerIds.includes(c.info.id)) throw new RuntimeError("conflict", `${c.info.name} is already on ${net.name}`);
    net.containerIds.push(c.info.id);
    c.info.networks[net.name] = "";
  }

  async removeNetwork(nameOrId: string): Promise<void> {
    this.enter("removeNetwork", nameOrId);
    const net = this.findNetwork(nameOrId);
    if (!net) return;
    if (net.containerIds.length > 0) throw new RuntimeError("conflict", `network ${net.name} has active endpoints`);
    this.networks.delete(net.id);
    this.subnets.delete(net.id);
  }

  async createContainer(spec: ContainerSpec): Promise<ContainerInfo> {
    this.enter("createContainer", spec.name);
    checkNodeSettings(spec);
    if (this.find(spec.name)) throw new RuntimeError("conflict", `container name ${spec.name} is already in use`);
    if (!this.images.has(normalizeImageRef(spec.image))) throw new RuntimeError("not_found", `no such image: ${spec.image}`);
    const net = this.findNetwork(spec.network.name);
    if (!net) throw new RuntimeError("not_found", `network ${spec.network.name} not found`);
    // Like Docker, each anonymous volume gets a fresh 64-hex name at create time.
    const volumes = (spec.volumes ?? []).map((destination) => {
      const source = this.id("vol").padEnd(64, "0");
      this.volumes.add(source);
      return { type: "volume" as const, source, destination, readOnly: false };
    });
    const binds = (spec.binds ?? []).map((b) => ({
      type: "bind" as const, source: b.hostPath, destination: b.containerPath, readOnly: b.readOnly ?? false,
    }));
    const info: ContainerInfo = {
      id: this.id("ctr"),
      name: spec.name,
      image: spec.image,
      labels: { ...spec.labels },
      state: "created",
      createdAt: new Date(),
      networks: { [net.name]: "" },
      ports: requestedPorts(spec),
      mounts: [...volumes, ...binds],
      hostConfig: {
        privileged: spec.privileged,
        capAdd: [...spec.capAdd],
        capDrop: [...spec.capDrop],
        securityOpt: [...spec.securityOpt],
        resources: { ...spec.resources },
        init: spec.init,
        tty: spec.tty ?? false,
        tmpfs: { ...spec.tmpfs },
        cgroupnsMode: spec.cgroupnsMode ?? "",
        restartPolicy: {
          name: spec.restartPolicy?.name ?? "no",
          maximumRetryCount: spec.restartPolicy?.maximumRetryCount ?? 0,
        },
        stopSignal: spec.stopSignal ?? "",
      },
    };
    net.containerIds.push(info.id);
    this.containers.set(info.id, { info, spec, files: new Map() });
    return structuredClone(info);
  }

  async startContainer(id: string): Promise<void> {
    this.enter("startContainer", id);
    const c = this.get(id);
    c.info.state = "running";
    for (const name of Object.keys(c.info.networks)) c.info.networks[name] = `10.0.0.${this.nextId++ % 250}`;
    // Ports left to the engine get an ephemeral one while running, as with Docker.
    c.info.ports = requestedPorts(c.spec).map((p) => (p.hostPort ? p : { ...p, hostPort: this.nextHostPort++ }));
  }

  async stopContainer(id: string): Promise<void> {
    this.enter("stopContainer", id);
    const c = this.get(id);
    if (c.info.state === "running") c.info.state = "exited";
    for (const name of Object.keys(c.info.networks)) c.info.networks[name] = "";
    c.info.ports = requestedPorts(c.spec);
  }

  async removeContainer(id: string): Promise<void> {
    this.enter("removeContainer", id);
    const c = this.find(id);
    if (!c) return;
    this.containers.delete(c.info.id);
    for (const net of this.networks.values()) net.containerIds = net.containerIds.filter((x) => x !== c.info.id);
    for (const m of c.info.mounts) if (m.type === "volume") this.volumes.delete(m.source);
  }

  /** Names of the anonymous volumes that currently exist, for asserting that removal cleans up. */
  volumeNames(): string[] {
    return [...this.volumes];
  }

  async inspectContainer(nameOrId: string): Promise<ContainerInfo | null> {
    this.enter("inspectContainer", nameOrId);
    const c = this.find(nameOrId);
    return c ? structuredClone(c.info) : null;
  }

  async listContainers(labels: Labels): Promise<ContainerInfo[]> {
    this.enter("listContainers", "");
    return [...this.containers.values()].filter((c) => matches(c.info.labels, labels)).map((c) => structuredClone(c.info));
  }

  /** Files copied into a container, for assertions. */
  filesOf(nameOrId: string): ReadonlyMap<string, FileToCopy> {
    return this.get(nameOrId).files;
  }

  async exec(containerId: string, opts: ExecOptions): Promise<ExecResult> {
    this.enter("exec", `${containerId} ${opts.cmd.join(" ")}`);
    const c = this.get(containerId);
    if (c.info.state !== "running") throw new RuntimeError("conflict", `container ${c.info.name} is not running`);
    const stdinBytes = await stdinOf(opts.stdin);
    const call: FakeExecCall = { container: structuredClone(c.info), cmd: opts.cmd, stdin: decoder.decode(stdinBytes), stdinBytes, env: { ...c.spec.env, ...opts.env }, files: c.files };
    let answer: Partial<ExecResult> | undefined;
    for (const handler of this.handlers) {
      answer = await handler(call);
      if (answer) break;
    }
    const { stdoutBytes, ...result }: ExecResult = { exitCode: 0, stdout: "", stderr: "", timedOut: false, truncated: false, ...(answer ?? builtin(call)) };
    const cap = opts.maxOutputBytes ?? 1024 * 1024;
    const raw = stdoutBytes ?? new TextEncoder().encode(result.stdout);
    if (result.stdout.length > cap || result.stderr.length > cap || raw.length > cap) {
      result.truncated = true;
      result.stdout = result.stdout.slice(0, cap);
      result.stderr = result.stderr.slice(0, cap);
    }
    return opts.rawStdout ? { ...result, stdoutBytes: raw.slice(0, cap) } : result;
  }

  async execTty(containerId: string, opts: TtyExecOptions): Promise<TtyExec> {
    this.enter("execTty", `${containerId} ${opts.cmd.join(" ")}`);
    const c = this.get(containerId);
    if (c.info.state !== "running") throw new RuntimeError("conflict", `container ${c.info.name} is not running`);
    const tty = new FakeTtyExec({ cols: opts.cols, rows: opts.rows });
    this.ttys.push(tty);
    return tty;
  }

  async execPipe(containerId: string, opts: { cmd: string[] }): Promise<PipedExec> {
    this.enter("execPipe", `${containerId} ${opts.cmd.join(" ")}`);
    const c = this.get(containerId);
    if (c.info.state !== "running") throw new RuntimeError("conflict", `container ${c.info.name} is not running`);
    this.pipes.push({ containerId, cmd: opts.cmd });
    const input = new PassThrough();
    const output = new PassThrough();
    let resolveExit: (exit: { exitCode: number | null; stderr: string }) => void = () => undefined;
    const exited = new Promise<{ exitCode: number | null; stderr: string }>((resolve) => (resolveExit = resolve));
    const exit = (exitCode: number, stderr = "") => {
      output.end();
      resolveExit({ exitCode, stderr });
    };
    const call: FakePipeCall = { container: c.info, cmd: opts.cmd, input, output, exit };
    if (!this.pipeHandlers.some((handle) => handle(call))) {
      // No handler claimed it: a loopback, like an echo service that closes when its input does.
      input.pipe(output);
      output.on("end", () => resolveExit({ exitCode: 0, stderr: "" }));
    }
    const close = () => {
      input.destroy();
      output.destroy();
      resolveExit({ exitCode: 0, stderr: "" });
    };
    return { stdin: input, stdout: output, exited, close };
  }

  async copyBetween(from: { containerId: string; path: string }, to: { containerId: string; dir: string }): Promise<void> {
    this.enter("copyBetween", `${from.containerId}:${from.path} -> ${to.containerId}:${to.dir}`);
    const source = this.get(from.containerId);
    const target = this.get(to.containerId);
    const base = from.path.slice(0, from.path.lastIndexOf("/") + 1);
    const copied = [...source.files.values()].filter((f) => f.path === from.path || f.path.startsWith(`${from.path}/`));
    if (copied.length === 0) throw new RuntimeError("not_found", `no such path in ${source.info.name}: ${from.path}`);
    for (const f of copied) {
      const path = `${to.dir.replace(/\/$/, "")}/${f.path.slice(base.length)}`;
      target.files.set(path, { ...f, path });
    }
  }

  async copyFiles(containerId: string, files: FileToCopy[]): Promise<void> {
    this.enter("copyFiles", containerId);
    const c = this.get(containerId);
    for (const f of files) {
      if (!f.path.startsWith("/")) throw new RuntimeError("failed", `copy into ${containerId}: path must be absolute: ${f.path}`);
      c.files.set(f.path, { ...f });
    }
  }

  async inspectImage(ref: string): Promise<ImageInfo | null> {
    this.enter("inspectImage", ref);
    const image = this.images.get(normalizeImageRef(ref));
    return image ? structuredClone(image) : null;
  }

  async listImages(labels: Labels): Promise<ImageInfo[]> {
    this.enter("listImages", "");
    const unique = new Set(this.images.values());
    return [...unique].filter((i) => matches(i.labels, labels)).map((i) => structuredClone(i));
  }

  async saveImage(ref: string): Promise<Readable> {
    this.enter("saveImage", ref);
    if (!this.images.has(normalizeImageRef(ref))) throw new RuntimeError("not_found", `no such image: ${ref}`);
    return Readable.from([Buffer.from(`fake docker-archive of ${normalizeImageRef(ref)}`)]);
  }

  async buildImage(opts: BuildImageOptions): Promise<ImageInfo> {
    this.enter("buildImage", opts.tag);
    opts.onProgress?.(`Step 1/1 : fake build of ${opts.contextDir}`);
    return structuredClone(this.addImage(opts.tag, opts.labels));
  }
}

async function stdinOf(input: ExecOptions["stdin"]): Promise<Uint8Array> {
  if (input === undefined) return new Uint8Array();
  if (typeof input === "string") return new TextEncoder().encode(input);
  if (!(input instanceof Readable)) return input;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.from(chunk as Uint8Array));
  return new Uint8Array(Buffer.concat(chunks));
}

function requestedPorts(spec: ContainerSpec): PublishedPort[] {
  return (spec.ports ?? []).map((p) => ({
    containerPort: p.containerPort, protocol: p.protocol ?? "tcp", hostIp: p.hostIp ?? "", hostPort: p.hostPort ?? 0,
  }));
}

/** The few commands the fake understands without a handler. */
function builtin(call: FakeExecCall): Partial<ExecResult> {
  const [bin, ...args] = call.cmd;
  switch (bin) {
    case "true":
      return {};
    case "false":
      return { exitCode: 1 };
    case "echo":
      return { stdout: `${args.join(" ")}\n` };
    case "cat": {
      if (args.length === 0) return { stdout: call.stdin, stdoutBytes: call.stdinBytes };
      let stdout = "";
      for (const path of args) {
        const f = call.files.get(path);
        if (!f) return { exitCode: 1, stdout, stderr: `cat: ${path}: No such file or directory\n` };
        stdout += decoder.decode(f.content);
      }
      return { stdout };
    }
    case "sh":
    case "bash": {
      const m = args[0] === "-c" ? /^exit (\d+)$/.exec(args[1]?.trim() ?? "") : null;
      if (m) return { exitCode: Number(m[1]) };
      break;
    }
  }
  return { exitCode: 127, stderr: `fake runtime: no handler for ${JSON.stringify(call.cmd)}\n` };
}
