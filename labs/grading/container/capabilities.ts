/**
 * Linux capabilities by number, to read the hexadecimal sets in /proc/<pid>/status (CapBnd: bit n set means
 * capability n is in the set), and Docker's default set, to work out a container's capabilities from
 * `docker inspect` when its process cannot be read. Names are without the CAP_ prefix, as lab.yaml writes them.
 */

/** Index = capability number (linux/capability.h). */
const BY_NUMBER = [
  "CHOWN", "DAC_OVERRIDE", "DAC_READ_SEARCH", "FOWNER", "FSETID", "KILL", "SETGID", "SETUID",
  "SETPCAP", "LINUX_IMMUTABLE", "NET_BIND_SERVICE", "NET_BROADCAST", "NET_ADMIN", "NET_RAW", "IPC_LOCK", "IPC_OWNER",
  "SYS_MODULE", "SYS_RAWIO", "SYS_CHROOT", "SYS_PTRACE", "SYS_PACCT", "SYS_ADMIN", "SYS_BOOT", "SYS_NICE",
  "SYS_RESOURCE", "SYS_TIME", "SYS_TTY_CONFIG", "MKNOD", "LEASE", "AUDIT_WRITE", "AUDIT_CONTROL", "SETFCAP",
  "MAC_OVERRIDE", "MAC_ADMIN", "SYSLOG", "WAKE_ALARM", "BLOCK_SUSPEND", "AUDIT_READ", "PERFMON", "BPF",
  "CHECKPOINT_RESTORE",
] as const;

export const ALL_CAPABILITIES: readonly string[] = BY_NUMBER;

/** What `docker run` grants without --cap-add/--cap-drop (moby's default profile). */
export const DOCKER_DEFAULT_CAPABILITIES: readonly string[] = [
  "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
  "NET_RAW", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT",
];

/** "00000000a80425fb" -> ["CHOWN", ...]; unknown high bits become "CAP_<n>". Undefined for malformed text. */
export function decodeCapabilitySet(hex: string): string[] | undefined {
  if (!/^[0-9a-fA-F]{1,16}$/.test(hex)) return undefined;
  const bits = BigInt(`0x${hex}`);
  const names: string[] = [];
  for (let n = 0; n < 64; n++) {
    if ((bits >> BigInt(n)) & 1n) names.push(BY_NUMBER[n] ?? `CAP_${n}`);
  }
  return names;
}

/** "cap_net_raw", "CAP_NET_RAW", "net_raw" -> "NET_RAW"; "all" -> "ALL". */
export function normaliseCapability(name: string): string {
  const upper = name.trim().toUpperCase();
  return upper.startsWith("CAP_") ? upper.slice(4) : upper;
}

/** The bounding set Docker gives a container configured with these --cap-add/--cap-drop values. */
export function dockerCapabilities(capAdd: readonly string[], capDrop: readonly string[], privileged: boolean): string[] {
  if (privileged) return [...ALL_CAPABILITIES];
  const add = capAdd.map(normaliseCapability);
  const drop = capDrop.map(normaliseCapability);
  const base = drop.includes("ALL") ? [] : DOCKER_DEFAULT_CAPABILITIES.filter((c) => !drop.includes(c));
  const added = add.includes("ALL") ? ALL_CAPABILITIES : add;
  return [...new Set([...base, ...added])].sort();
}
