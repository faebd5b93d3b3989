/**
 * The runner's own way into a session's cluster: the control plane's admin kubeconfig, pointed at the
 * API server port published on 127.0.0.1 (what `kind get kubeconfig` prints). It is derived from the
 * containers each time rather than stored, so it is right after a runner restart and after the engine
 * re-published the port on another number.
 */
import { LABEL } from "../docker/labels";
import type { ContainerRuntime } from "../docker/runtime";
import { ADMIN_CONF, hostServer, kindKubeconfig } from "./kubeconfig";
import { API_SERVER_PORT, KIND_LABEL } from "./names";
import { ClusterError, inNode } from "./node-exec";

export async function runnerKubeconfig(runtime: ContainerRuntime, sessionId: string): Promise<string> {
  const [controlPlane] = await runtime.listContainers({
    [LABEL.managed]: "true",
    [LABEL.session]: sessionId,
    [LABEL.role]: "node",
    [KIND_LABEL.role]: "control-plane",
  });
  if (!controlPlane) throw new ClusterError(`session ${sessionId} has no Kubernetes cluster`);
  if (controlPlane.state !== "running") throw new ClusterError(`the control plane of session ${sessionId} is ${controlPlane.state}`);
  const port = controlPlane.ports.find((p) => p.containerPort === API_SERVER_PORT && p.hostPort > 0);
  if (!port) throw new ClusterError(`the control plane of session ${sessionId} publishes no API server port`);
  const cluster = controlPlane.labels[KIND_LABEL.cluster] ?? sessionId;
  const adminConf = await inNode(runtime, { name: controlPlane.name, containerId: controlPlane.id }, ["cat", ADMIN_CONF]);
  return kindKubeconfig(adminConf, cluster, hostServer(port.hostIp, port.hostPort));
}
