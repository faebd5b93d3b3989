/**
 * Turns what the runner gathered about a container or process into one ContainerState in the vocabulary
 * of container checks. Two sources, combined: `docker inspect` (the configuration a learner's container
 * was started with) and the process's /proc files (what is actually in force: effective uid, capability
 * bounding set, no_new_privs, mounts, environment). /proc wins where both speak, because a check is about
 * the running process; the configuration fills in what /proc cannot say (image, privileged, running).
 */
import { decodeCapabilitySet, dockerCapabilities } from "./capabilities";

export interface ContainerState {
  running?: boolean;
  image?: string;
  /** Effective uid, when the process could be read. */
  uid?: number;
  /** The user's name (from the container's /etc/passwd), or the configured user when the uid is unknown. */
  userName?: string;
  readOnlyRootfs?: boolean;
  privileged?: boolean;
  noNewPrivileges?: boolean;
  /** Capability bounding set, sorted. */
  capabilities?: string[];
  env?: Record<string, string>;
}

/** Raw material; every part is optional because any of it may be unreadable. */
export interface ContainerSources {
  /** `docker inspect <name>` output (a JSON array with one object). */
  inspect?: string;
  /** What the runtime reports about the host container itself. */
  host?: { image: string; privileged: boolean };
  /** /proc/<pid>/status, mounts and environ, and the process's /etc/passwd. */
  status?: string;
  mounts?: string;
  environ?: string;
  passwd?: string;
}

export function containerState(sources: ContainerSources): ContainerState {
  const state: ContainerState = {};
  if (sources.host) Object.assign(state, { running: true, image: sources.host.image, privileged: sources.host.privileged });
  if (sources.inspect !== undefined) Object.assign(state, fromInspect(sources.inspect));
  if (sources.status !== undefined) {
    const proc = fromStatus(sources.status);
    // The process may have switched user after start (su-exec, gosu): the configured name no longer applies.
    if (proc.uid !== undefined && state.uid !== undefined && proc.uid !== state.uid) delete state.userName;
    Object.assign(state, proc);
  }
  if (sources.mounts !== undefined) {
    const readOnly = rootReadOnly(sources.mounts);
    if (readOnly !== undefined) state.readOnlyRootfs = readOnly;
  }
  if (sources.environ !== undefined && sources.environ !== "") state.env = envFrom(sources.environ.split("\0"));
  if (state.uid !== undefined && sources.passwd !== undefined) {
    const name = userNameOf(sources.passwd, state.uid);
    if (name !== undefined) state.userName = name;
  }
  return state;
}

function fromInspect(json: string): ContainerState {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return {};
  }
  const c = (Array.isArray(parsed) ? parsed[0] : parsed) as Inspect | undefined;
  if (!c || typeof c !== "object") return {};
  const host = c.HostConfig ?? {};
  const config = c.Config ?? {};
  const privileged = host.Privileged === true;
  const user = (config.User ?? "").split(":")[0] ?? "";
  return {
    running: c.State?.Running === true,
    ...(typeof config.Image === "string" && { image: config.Image }),
    // An empty User means the image's default, which docker inspect has already merged in: so root.
    ...(user === "" || user === "root" || user === "0" ? { uid: 0, userName: "root" } : /^\d+$/.test(user) ? { uid: Number(user) } : { userName: user }),
    readOnlyRootfs: host.ReadonlyRootfs === true,
    privileged,
    noNewPrivileges: (host.SecurityOpt ?? []).some((o) => /^no-new-privileges(?:[:=]true)?$/.test(o)),
    capabilities: dockerCapabilities(host.CapAdd ?? [], host.CapDrop ?? [], privileged),
    env: envFrom(config.Env ?? []),
  };
}

interface Inspect {
  State?: { Running?: boolean };
  Config?: { Image?: string; User?: string; Env?: string[] };
  HostConfig?: { ReadonlyRootfs?: boolean; Privileged?: boolean; SecurityOpt?: string[] | null; CapAdd?: string[] | null; CapDrop?: string[] | null };
}

function fromStatus(status: string): ContainerState {
  const fields = new Map(
    status.split("\n").flatMap((line) => {
      const i = line.indexOf(":");
      return i === -1 ? [] : [[line.slice(0, i), line.slice(i + 1).trim()] as const];
    }),
  );
  const state: ContainerState = {};
  // Uid: real, effective, saved, filesystem.
  const effective = fields.get("Uid")?.split(/\s+/)[1];
  if (effective !== undefined && /^\d+$/.test(effective)) {
    state.uid = Number(effective);
    if (state.uid === 0) state.userName = "root";
  }
  const bounding = fields.get("CapBnd");
  const capabilities = bounding === undefined ? undefined : decodeCapabilitySet(bounding);
  if (capabilities) state.capabilities = capabilities.sort();
  const noNewPrivs = fields.get("NoNewPrivs");
  if (noNewPrivs === "0" || noNewPrivs === "1") state.noNewPrivileges = noNewPrivs === "1";
  return state;
}

/** The options of the last mount on "/" (later mounts hide earlier ones). */
function rootReadOnly(mounts: string): boolean | undefined {
  const root = mounts
    .split("\n")
    .map((line) => line.split(" "))
    .filter((parts) => parts[1] === "/")
    .at(-1);
  return root?.[3] === undefined ? undefined : root[3].split(",").includes("ro");
}

function envFrom(entries: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of entries) {
    const i = entry.indexOf("=");
    if (i > 0) env[entry.slice(0, i)] = entry.slice(i + 1);
  }
  return env;
}

function userNameOf(passwd: string, uid: number): string | undefined {
  for (const line of passwd.split("\n")) {
    const [name, , id] = line.split(":");
    if (name && id !== undefined && Number(id) === uid && /^\d+$/.test(id)) return name;
  }
  return undefined;
}
