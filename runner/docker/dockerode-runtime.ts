/**
 * ContainerRuntime backed by a real Docker Engine through dockerode (API 1.41+). The engine
 * connection is passed in by the composition root; this module reads no environment variables.
 * Exec streams live in dockerode-exec.ts, image builds in dockerode-build.ts and the container
 * create/inspect mapping in dockerode-container.ts.
 */
import Docker from "dockerode";
import { Readable } from "node:stream";
import { dockerBuildImage } from "./dockerode-build";
import { toContainerInfo, toCreateOptions } from "./dockerode-container";
import { engine, engineOrNull } from "./dockerode-errors";
import { dockerExec, dockerExecPipe, dockerExecTty } from "./dockerode-exec";
import { RuntimeError } from "./errors";
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
  TtyExec,
  TtyExecOptions,
  PipedExec,
} from "./runtime";
import { encodeTar } from "./tar";

export interface DockerConnection {
  /** Defaults to /var/run/docker.sock. */
  socketPath?: string;
}

const labelFilter = (labels: Labels) => ({ label: Object.entries(labels).map(([k, v]) => `${k}=${v}`) });

export class DockerodeRuntime implements ContainerRuntime {
  private readonly docker: Docker;

  constructor(connection: DockerConnection = {}) {
    this.docker = new Docker({ socketPath: connection.socketPath ?? "/var/run/docker.sock" });
  }

  async ping(): Promise<void> {
    await engine("ping Docker", () => this.docker.ping());
  }

  async createNetwork(spec: NetworkSpec): Promise<NetworkInfo> {
    const created = await engine(`create network ${spec.name}`, () =>
      this.docker.createNetwork({
        Name: spec.name,
        Driver: "bridge",
        CheckDuplicate: true,
        Internal: spec.internal,
        Options: { ...spec.driverOptions },
        Labels: { ...spec.labels },
        ...(spec.subnet ? { IPAM: { Driver: "default", Config: [{ Subnet: spec.subnet }] } } : {}),
      }),
    );
    return this.inspectNetwork(created.id);
  }

  private async inspectNetwork(id: string): Promise<NetworkInfo> {
    const n = await engine(`inspect network ${id}`, () => this.docker.getNetwork(id).inspect());
    return {
      id: n.Id,
      name: n.Name,
      labels: n.Labels ?? {},
      internal: n.Internal,
      containerIds: Object.keys(n.Containers ?? {}),
    };
  }

  async listNetworks(labels: Labels): Promise<NetworkInfo[]> {
    const list = await engine("list networks", () => this.docker.listNetworks({ filters: labelFilter(labels) }));
    // The list endpoint omits attached containers, so inspect each (the lists are small: one per session).
    const infos = await Promise.all(list.map((n) => engineOrNull("inspect network", () => this.inspectNetwork(n.Id))));
    return infos.filter((n): n is NetworkInfo => n !== null);
  }

  async connectNetwork(network: string, containerId: string, aliases: string[]): Promise<void> {
    await engine(`connect ${containerId} to network ${network}`, () =>
      this.docker.getNetwork(network).connect({ Container: containerId, EndpointConfig: { Aliases: aliases } }),
    );
  }

  async removeNetwork(nameOrId: string): Promise<void> {
    await engineOrNull(`remove network ${nameOrId}`, () => this.docker.getNetwork(nameOrId).remove());
  }

  async createContainer(spec: ContainerSpec): Promise<ContainerInfo> {
    checkNodeSettings(spec);
    const created = await engine(`create container ${spec.name}`, () => this.docker.createContainer(toCreateOptions(spec)));
    const info = await this.inspectContainer(created.id);
    if (!info) throw new RuntimeError("not_found", `container ${spec.name} vanished right after creation`);
    return info;
  }

  async startContainer(id: string): Promise<void> {
    await engine(`start container ${id}`, () => this.docker.getContainer(id).start());
  }

  async stopContainer(id: string, opts: { timeoutSeconds?: number } = {}): Promise<void> {
    try {
      await this.docker.getContainer(id).stop({ t: opts.timeoutSeconds ?? 5 });
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode === 304) return; // already stopped
      await engine(`stop container ${id}`, () => Promise.reject(err));
    }
  }

  async removeContainer(id: string): Promise<void> {
    // v: anonymous volumes (a kind node's /var) go with the container instead of piling up.
    await engineOrNull(`remove container ${id}`, () => this.docker.getContainer(id).remove({ force: true, v: true }));
  }

  async inspectContainer(nameOrId: string): Promise<ContainerInfo | null> {
    const c = await engineOrNull(`inspect container ${nameOrId}`, () => this.docker.getContainer(nameOrId).inspect());
    return c ? toContainerInfo(c) : null;
  }

  async listContainers(labels: Labels): Promise<ContainerInfo[]> {
    const list = await engine("list containers", () =>
      this.docker.listContainers({ all: true, filters: labelFilter(labels) }),
    );
    const infos = await Promise.all(list.map((c) => this.inspectContainer(c.Id)));
    return infos.filter((c): c is ContainerInfo => c !== null);
  }

  exec(containerId: string, opts: ExecOptions): Promise<ExecResult> {
    return dockerExec(this.docker, containerId, opts);
  }

  execTty(containerId: string, opts: TtyExecOptions): Promise<TtyExec> {
    return dockerExecTty(this.docker, containerId, opts);
  }

  execPipe(containerId: string, opts: { cmd: string[] }): Promise<PipedExec> {
    return dockerExecPipe(this.docker, containerId, opts);
  }

  async copyBetween(from: { containerId: string; path: string }, to: { containerId: string; dir: string }): Promise<void> {
    const what = `copy ${from.path} from ${from.containerId} to ${to.dir} in ${to.containerId}`;
    const archive = await engine(what, () => this.docker.getContainer(from.containerId).getArchive({ path: from.path }));
    await engine(what, () => this.docker.getContainer(to.containerId).putArchive(archive, { path: to.dir }));
  }

  async copyFiles(containerId: string, files: FileToCopy[]): Promise<void> {
    for (const f of files) {
      if (!f.path.startsWith("/")) throw new RuntimeError("failed", `copy into ${containerId}: path must be absolute: ${f.path}`);
    }
    const now = new Date();
    const tar = encodeTar(
      files.map((f) => ({ name: f.path.replace(/^\/+/, ""), content: f.content, mode: f.mode, uid: f.uid, gid: f.gid, mtime: now })),
    );
    await engine(`copy ${files.length} file(s) into ${containerId}`, () =>
      this.docker.getContainer(containerId).putArchive(Buffer.from(tar), { path: "/" }),
    );
  }

  async inspectImage(ref: string): Promise<ImageInfo | null> {
    const img = await engineOrNull(`inspect image ${ref}`, () => this.docker.getImage(ref).inspect());
    return img ? { id: img.Id, tags: img.RepoTags ?? [], labels: img.Config?.Labels ?? {} } : null;
  }

  async listImages(labels: Labels): Promise<ImageInfo[]> {
    const list = await engine("list images", () => this.docker.listImages({ filters: labelFilter(labels) }));
    return list.map((i) => ({ id: i.Id, tags: i.RepoTags ?? [], labels: i.Labels ?? {} }));
  }

  async saveImage(ref: string): Promise<Readable> {
    const stream = await engine(`save image ${ref}`, () => this.docker.getImage(ref).get());
    return stream instanceof Readable ? stream : Readable.from(stream as AsyncIterable<Buffer>);
  }

  buildImage(opts: BuildImageOptions): Promise<ImageInfo> {
    return dockerBuildImage(this.docker, opts, (ref) => this.inspectImage(ref));
  }
}
