/**
 * Security defaults for learner hosts, in one place so they can be reviewed together.
 *
 * Capabilities: everything is dropped, then the smallest set that keeps a root shell usable is added:
 *   CHOWN, DAC_OVERRIDE, FOWNER, FSETID - root can edit and chown any file in its own rootfs (apt, editors,
 *     `chmod` on files it does not own); without DAC_OVERRIDE even root gets "Permission denied" on 0600
 *     files owned by other users.
 *   SETUID, SETGID                      - `su`, `sudo`, `runuser` and package maintainer scripts that drop
 *     privileges to a service user.
 *   KILL                                - root can signal processes of other users (stopping services).
 *   NET_BIND_SERVICE                    - services can listen on ports below 1024 (nginx on :80).
 * Not added (a lab must ask): NET_RAW (ping, raw sockets/spoofing), NET_ADMIN, SYS_ADMIN, SYS_PTRACE,
 *   MKNOD, AUDIT_WRITE, SYS_CHROOT. `privileged: true` is only honoured when the lab spec says so.
 * no-new-privileges stops setuid binaries from regaining dropped capabilities.
 *
 * Network: each session gets its own bridge created `internal` (no NAT, no route out) AND with
 * `com.docker.network.bridge.inhibit_ipv4`, so the host has no address on that bridge. Measured on this
 * engine: `internal` alone still lets a container reach every host port bound to 0.0.0.0 through the
 * bridge's gateway address (traffic to the host goes through INPUT, which Docker's isolation rules do
 * not filter); with the gateway address removed there is nothing on the host to connect to. Hosts of one
 * session reach each other by name (network aliases, Docker's embedded DNS); other sessions are on other
 * bridges and unreachable.
 * Trade-off: no package downloads or internet at run time; images must be complete. A lab that asks for
 * `egress` gets a second, ordinary NAT bridge; that bridge has a host address again, so egress sessions
 * CAN reach host ports bound to 0.0.0.0 — operators enabling egress labs must bind the runner API to
 * 127.0.0.1 or a non-bridge interface, or firewall `br-*` in INPUT.
 */
import type { ResourceLimits } from "../docker/runtime";

export const DEFAULT_CAP_ADD: readonly string[] = [
  "CHOWN",
  "DAC_OVERRIDE",
  "FOWNER",
  "FSETID",
  "SETUID",
  "SETGID",
  "KILL",
  "NET_BIND_SERVICE",
];

export const DEFAULT_RESOURCES: ResourceLimits = {
  nanoCpus: 1_000_000_000, // 1 CPU
  memoryBytes: 512 * 1024 * 1024,
  pids: 256,
};

/**
 * Kubernetes nodes (runner/cluster/) are the exception to the rules above: a kind node runs systemd,
 * containerd and the kubelet, which need a privileged container (cgroups, mounts, iptables, nested
 * containers). The learner is cluster-admin and can therefore start privileged pods, which are as
 * strong as the node container itself. Kubernetes labs belong on runner machines dedicated to them
 * (or with trusted learners); the limits below at least keep one cluster from starving the machine.
 * An idle control plane uses about 550 MiB and a worker about 170 MiB (bench/cluster.ts).
 */
export const DEFAULT_NODE_RESOURCES: ResourceLimits = {
  nanoCpus: 2_000_000_000,
  memoryBytes: 2 * 1024 * 1024 * 1024,
  pids: 8192,
};

export const SECURITY_OPT: readonly string[] = ["no-new-privileges:true"];

/** Driver options for the session's isolated bridge. */
export const ISOLATED_BRIDGE_OPTIONS: Readonly<Record<string, string>> = {
  "com.docker.network.bridge.inhibit_ipv4": "true",
};
