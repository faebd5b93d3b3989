/**
 * Translation between our plain ContainerSpec/ContainerInfo and the Docker Engine API's container
 * create body and inspect document. Kept apart from DockerodeRuntime (which does the calls) so the
 * mapping can be unit-tested without a daemon. Optional node settings are only sent when set, so a
 * spec without them produces exactly the request it always did.
 */
import type Docker from "dockerode";
import { bindString, portKey } from "./node-settings";
import type { ContainerInfo, ContainerSpec, ContainerState, MountInfo, PublishedPort, RestartPolicy } from "./runtime";

/** dockerode's typings predate HostConfig.CgroupnsMode (API 1.41). */
type HostConfig = Docker.HostConfig & { CgroupnsMode?: string; Init?: boolean | null };

export function toCreateOptions(spec: ContainerSpec): Docker.ContainerCreateOptions {
  const hostConfig: HostConfig = {
    NetworkMode: spec.network.name,
    Privileged: spec.privileged,
    CapAdd: spec.capAdd,
    CapDrop: spec.capDrop,
    SecurityOpt: spec.securityOpt,
    NanoCpus: spec.resources.nanoCpus,
    Memory: spec.resources.memoryBytes,
    MemorySwap: spec.resources.memoryBytes, // equal to Memory: no swap on top of the limit
    PidsLimit: spec.resources.pids,
    Init: spec.init,
  };
  if (spec.tmpfs) hostConfig.Tmpfs = { ...spec.tmpfs };
  if (spec.binds) hostConfig.Binds = spec.binds.map(bindString);
  if (spec.cgroupnsMode) hostConfig.CgroupnsMode = spec.cgroupnsMode;
  if (spec.restartPolicy) {
    const { name, maximumRetryCount } = spec.restartPolicy;
    hostConfig.RestartPolicy = { Name: name, MaximumRetryCount: maximumRetryCount ?? 0 };
  }
  const exposed: Record<string, object> = {};
  if (spec.ports) {
    const bindings: Record<string, { HostIp: string; HostPort: string }[]> = {};
    for (const p of spec.ports) {
      const key = portKey(p.containerPort, p.protocol);
      exposed[key] = {};
      // HostPort "" asks the engine for an ephemeral port at start.
      (bindings[key] ??= []).push({ HostIp: p.hostIp ?? "", HostPort: p.hostPort ? String(p.hostPort) : "" });
    }
    hostConfig.PortBindings = bindings;
  }
  const options: Docker.ContainerCreateOptions = {
    name: spec.name,
    Image: spec.image,
    Hostname: spec.hostname,
    Labels: { ...spec.labels },
    Env: Object.entries(spec.env).map(([k, v]) => `${k}=${v}`),
    Cmd: spec.cmd,
    Entrypoint: spec.entrypoint,
    WorkingDir: spec.workingDir,
    HostConfig: hostConfig,
    NetworkingConfig: { EndpointsConfig: { [spec.network.name]: { Aliases: spec.network.aliases } } },
  };
  if (spec.tty !== undefined) options.Tty = spec.tty;
  if (spec.volumes) options.Volumes = Object.fromEntries(spec.volumes.map((v) => [v, {}]));
  if (spec.ports) options.ExposedPorts = exposed;
  if (spec.stopSignal) options.StopSignal = spec.stopSignal;
  return options;
}

type Bindings = Record<string, { HostIp?: string; HostPort?: string }[] | null> | null | undefined;

/** Actual bindings once running (NetworkSettings.Ports), else the requested ones (HostConfig.PortBindings). */
function publishedPorts(actual: Bindings, requested: Bindings): PublishedPort[] {
  const source = actual && Object.values(actual).some((b) => b && b.length > 0) ? actual : requested;
  const ports: PublishedPort[] = [];
  for (const [key, list] of Object.entries(source ?? {})) {
    const [port, protocol] = key.split("/");
    for (const b of list ?? []) {
      ports.push({
        containerPort: Number(port),
        protocol: protocol === "udp" ? "udp" : "tcp",
        hostIp: b.HostIp ?? "",
        hostPort: b.HostPort ? Number(b.HostPort) : 0,
      });
    }
  }
  return ports;
}

export function toContainerInfo(c: Docker.ContainerInspectInfo): ContainerInfo {
  const hc = c.HostConfig as HostConfig;
  const networks: Record<string, string> = {};
  for (const [name, n] of Object.entries(c.NetworkSettings.Networks ?? {})) networks[name] = n.IPAddress ?? "";
  const mounts: MountInfo[] = (c.Mounts ?? [])
    .filter((m) => m.Type === "volume" || m.Type === "bind")
    .map((m) => ({
      type: m.Type as MountInfo["type"],
      source: m.Type === "volume" ? (m.Name ?? "") : m.Source,
      destination: m.Destination,
      readOnly: !m.RW,
    }));
  const restartName = hc.RestartPolicy?.Name;
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ""),
    image: c.Config.Image,
    labels: c.Config.Labels ?? {},
    state: c.State.Status as ContainerState,
    createdAt: new Date(c.Created),
    networks,
    ports: publishedPorts(c.NetworkSettings.Ports as Bindings, hc.PortBindings as Bindings),
    mounts,
    hostConfig: {
      privileged: hc.Privileged ?? false,
      capAdd: hc.CapAdd ?? [],
      capDrop: hc.CapDrop ?? [],
      securityOpt: hc.SecurityOpt ?? [],
      resources: { nanoCpus: hc.NanoCpus ?? 0, memoryBytes: hc.Memory ?? 0, pids: hc.PidsLimit ?? 0 },
      init: hc.Init ?? false,
      tty: c.Config.Tty ?? false,
      tmpfs: { ...hc.Tmpfs },
      cgroupnsMode: hc.CgroupnsMode ?? "",
      // Older engines report "" for the default policy.
      restartPolicy: {
        name: (restartName || "no") as RestartPolicy["name"],
        maximumRetryCount: hc.RestartPolicy?.MaximumRetryCount ?? 0,
      },
      stopSignal: (c.Config as { StopSignal?: string }).StopSignal ?? "",
    },
  };
}
