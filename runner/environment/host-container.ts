/**
 * Turns one HostSpec of a session into the ContainerSpec the runtime creates: name and labels from the
 * naming conventions, hostname and alias equal to the host name, and the security defaults of
 * security.ts unless the spec explicitly asks for privileged mode.
 */
import { containerName, sessionLabels } from "../docker/labels";
import type { ContainerSpec } from "../docker/runtime";
import { SECURITY_OPT } from "./security";
import type { HostSpec } from "./spec";

export interface SessionIdentity {
  sessionId: string;
  labId: string;
  runnerId: string;
  /** Extra labels for every object of the session (e.g. expiry). */
  extraLabels?: Record<string, string>;
}

export function hostContainerSpec(session: SessionIdentity, host: HostSpec, network: string): ContainerSpec {
  return {
    name: containerName(session.sessionId, host.name),
    image: host.image,
    hostname: host.name,
    labels: sessionLabels({ ...session, role: "host", host: host.name, extra: session.extraLabels }),
    env: host.env,
    cmd: host.command,
    workingDir: host.workingDir,
    network: { name: network, aliases: [host.name] },
    privileged: host.privileged,
    // A privileged container has every capability anyway; listing drops would only mislead readers.
    capAdd: host.privileged ? [] : host.capAdd,
    capDrop: host.privileged ? [] : ["ALL"],
    securityOpt: host.privileged ? [] : [...SECURITY_OPT],
    resources: host.resources,
    init: true,
  };
}
