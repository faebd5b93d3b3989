/**
 * A one-node Kubernetes cluster for integration tests that need a real API server but not a learner's
 * environment around it: made by the runner's own provisioner from praxis/kind-node (so it fails, with
 * the build command, when that image is missing) and removed with everything it created. Set
 * PRAXIS_TEST_KUBECONFIG to use a cluster you already have instead.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { DockerodeRuntime } from "../../docker/dockerode-runtime";
import { resolveSpec } from "../../environment/spec";
import { imageEnsurer } from "../../images/builder";
import { KIND_NODE_VERSIONS, nodeImageFor } from "../../kind/versions";
import { removeSessionObjects } from "../../provision/teardown";
import { SessionManager } from "../../sessions/manager";
import { runnerKubeconfig } from "../access";

export interface DisposableCluster {
  /** A kubeconfig that reaches the API server from this machine, as cluster-admin. */
  kubeconfig: string;
  dispose(): Promise<void>;
}

export async function disposableCluster(name: string): Promise<DisposableCluster> {
  const given = process.env.PRAXIS_TEST_KUBECONFIG;
  if (given) return { kubeconfig: await readFile(given, "utf8"), dispose: async () => undefined };
  const runtime = new DockerodeRuntime();
  const image = nodeImageFor(KIND_NODE_VERSIONS.kubernetes);
  if (!(await runtime.inspectImage(image))) throw new Error(`${image} is not built on this machine; run \`npx praxis images build kind-node\` first`);
  const sessions = new SessionManager({
    runtime,
    runnerId: `it-${name}-${process.pid}`,
    ensureImage: imageEnsurer(runtime, path.resolve(import.meta.dirname, "..", "..", "..", "images")),
    limits: { maxSessions: 1, maxMemoryBytes: 8 * 1024 ** 3, timeLimitMs: 1_800_000, idleTimeoutMs: 1_800_000, maxLifetimeMs: 1_800_000 },
  });
  const spec = resolveSpec({
    labId: `it-${name}`,
    hosts: [{ name: "workstation", image: "praxis/workstation" }],
    cluster: { nodes: 1, kubernetesVersion: KIND_NODE_VERSIONS.kubernetes, image },
  });
  const session = await sessions.create(spec);
  try {
    return { kubeconfig: await runnerKubeconfig(runtime, session.id), dispose: async () => void (await removeSessionObjects(runtime, session.id)) };
  } catch (err) {
    await removeSessionObjects(runtime, session.id);
    throw err;
  }
}
