/**
 * Integration-test fixture: one running host container built with the runner's real security defaults
 * (host-container.ts), from `praxis/workstation:latest` when it exists, otherwise from a throwaway image
 * with tmux built on debian:bookworm-slim. Objects carry `praxis.test=<suite>` instead of the managed
 * labels, so the session manager's reconciliation never mistakes them for orphans and `dispose` (or the
 * next run) removes them.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ContainerRuntime } from "../../docker";
import { hostContainerSpec } from "../../environment/host-container";
import { resolveSpec } from "../../environment/spec";

const WORKSTATION = "praxis/workstation:latest";
const FALLBACK = "praxis-test/tmux-host:latest";
const FALLBACK_DOCKERFILE = `FROM debian:bookworm-slim
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends tmux procps >/dev/null && rm -rf /var/lib/apt/lists/*
`;

export interface TestHost {
  containerId: string;
  dispose(): Promise<void>;
}

async function hostImage(runtime: ContainerRuntime): Promise<string> {
  if (await runtime.inspectImage(WORKSTATION)) return WORKSTATION;
  if (await runtime.inspectImage(FALLBACK)) return FALLBACK;
  const dir = await mkdtemp(join(tmpdir(), "praxis-tmux-host-"));
  try {
    await writeFile(join(dir, "Dockerfile"), FALLBACK_DOCKERFILE);
    await runtime.buildImage({ contextDir: dir, tag: FALLBACK, labels: { "praxis.test": "fixture" } });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return FALLBACK;
}

async function removeLabelled(runtime: ContainerRuntime, labels: Record<string, string>): Promise<void> {
  for (const c of await runtime.listContainers(labels)) await runtime.removeContainer(c.id);
  for (const n of await runtime.listNetworks(labels)) await runtime.removeNetwork(n.id);
}

export async function startTestHost(runtime: ContainerRuntime, suite: string): Promise<TestHost> {
  const labels = { "praxis.test": suite };
  await removeLabelled(runtime, labels); // leftovers of an interrupted run
  const image = await hostImage(runtime);
  const [host] = resolveSpec({ labId: "test", hosts: [{ name: "node", image, command: ["sleep", "infinity"] }] }).hosts;
  const name = `praxis-test-${suite}`;
  await runtime.createNetwork({ name, labels, internal: true });
  const spec = hostContainerSpec({ sessionId: suite, labId: "test", runnerId: "test" }, host!, name);
  const container = await runtime.createContainer({ ...spec, name, labels });
  await runtime.startContainer(container.id);
  return { containerId: container.id, dispose: () => removeLabelled(runtime, labels) };
}
