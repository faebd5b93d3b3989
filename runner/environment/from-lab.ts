/**
 * The adapter from the lab model (labs/) to the runner's EnvironmentSpec: the one place that knows
 * both. File contents are read through an injected reader so the mapping stays testable without disk.
 * Provisioning runs each host's setup scripts, then the first step's setup scripts for that host.
 * A lab's kind cluster runs on the node image built for its Kubernetes version (`praxis images build
 * kind-node`); its preloaded images are loaded into every node.
 */
import type { Lab } from "../../labs/index";
import { nodeImageFor } from "../kind/versions";
import { resolveSpec, type EnvironmentSpec } from "./spec";

export type ReadBytes = (absolutePath: string) => Promise<Uint8Array>;

export async function specFromLab(lab: Lab, read: ReadBytes): Promise<EnvironmentSpec> {
  const firstStepSetup = lab.steps[0]?.setup ?? [];
  const hosts = await Promise.all(
    lab.environment.hosts.map(async (host) => ({
      name: host.name,
      image: host.image,
      privileged: host.privileged,
      capAdd: host.capabilities,
      resources: {
        nanoCpus: Math.round(host.resources.cpus * 1e9),
        memoryBytes: host.resources.memoryBytes,
        pids: host.resources.pids,
      },
      env: host.env,
      workingDir: host.workingDir,
      files: await Promise.all(host.files.map(async (f) => ({ targetPath: f.target, content: await read(f.sourcePath), mode: f.mode }))),
      // The learner starts at the first step, so its setup runs with the environment's own; later
      // steps' setups run when the learner reaches them (the player's job, not provisioning's).
      setup: [...host.setup, ...firstStepSetup.filter((s) => s.host === host.name)].map((s, i) => ({
        name: s.script.path ?? `${host.name} setup #${i + 1}`,
        script: s.script.content,
        timeoutMs: s.timeoutMs,
      })),
    })),
  );
  const cluster = lab.environment.cluster;
  return resolveSpec({
    labId: lab.metadata.id,
    hosts,
    ...(cluster && {
      cluster: {
        nodes: cluster.nodes,
        kubernetesVersion: cluster.kubernetesVersion,
        image: nodeImageFor(cluster.kubernetesVersion),
        loadImages: cluster.preloadImages,
      },
    }),
  });
}
