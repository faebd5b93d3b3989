/** specFromLab: maps hosts, resources, files and setup scripts; refuses clusters. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Lab } from "../../labs/index";
import { specFromLab } from "./from-lab";

const lab: Lab = {
  apiVersion: "praxis.dev/v1alpha1",
  dir: "/labs/hello",
  metadata: { id: "hello", title: "Hello", summary: "", topics: [], difficulty: "beginner", estimatedMinutes: 10, prerequisites: [] },
  environment: {
    hosts: [
      {
        name: "box",
        image: "praxis/workstation:latest",
        privileged: false,
        capabilities: ["NET_RAW"],
        resources: { cpus: 0.5, memoryBytes: 256 * 1024 * 1024, pids: 100 },
        env: { GREETING: "hi" },
        files: [{ source: "files/app.sh", sourcePath: "/labs/hello/files/app.sh", target: "/opt/app.sh", mode: 0o755 }],
        workingDir: "/root",
        terminal: true,
        editorPaths: [],
        setup: [{ host: "box", script: { path: "setup/box.sh", content: "echo ready" }, timeoutMs: 30_000 }],
        ports: [],
      },
    ],
  },
  steps: [],
};

describe("specFromLab", () => {
  it("maps a lab's hosts onto the runner's spec", async () => {
    const read = async (p: string) => new TextEncoder().encode(`contents of ${p}`);
    const spec = await specFromLab(lab, read);
    const [box] = spec.hosts;
    assert.equal(spec.labId, "hello");
    assert.deepEqual(box?.resources, { nanoCpus: 500_000_000, memoryBytes: 256 * 1024 * 1024, pids: 100 });
    assert.ok(box?.capAdd.includes("NET_RAW"));
    assert.equal(new TextDecoder().decode(box?.files[0]?.content), "contents of /labs/hello/files/app.sh");
    assert.deepEqual(box?.setup, [{ name: "setup/box.sh", script: "echo ready", timeoutMs: 30_000 }]);
  });

  it("runs the first step's setup for its host after the host's own, and no later step's", async () => {
    const step = (id: string, content: string): Lab["steps"][number] => ({
      id,
      title: id,
      instructions: { path: `steps/${id}/index.md`, markdown: "" },
      setup: [{ host: "box", script: { path: `steps/${id}/setup.sh`, content }, timeoutMs: 10_000 }],
      checks: [],
      hints: [],
    });
    const spec = await specFromLab({ ...lab, steps: [step("one", "echo one"), step("two", "echo two")] }, async () => new Uint8Array());
    assert.deepEqual(
      spec.hosts[0]?.setup.map((s) => s.script),
      ["echo ready", "echo one"],
    );
  });

  it("maps a kind cluster onto the node image of its version, with the images to load", async () => {
    const withCluster: Lab = { ...lab, environment: { ...lab.environment, cluster: { provider: "kind", nodes: 2, kubernetesVersion: "v1.34.4", preloadImages: ["praxis/hello-web"] } } };
    const spec = await specFromLab(withCluster, async () => new Uint8Array());
    assert.deepEqual(
      { nodes: spec.cluster?.nodes, image: spec.cluster?.image, loadImages: spec.cluster?.loadImages },
      { nodes: 2, image: "praxis/kind-node:v1.34.4", loadImages: ["praxis/hello-web:latest"] },
    );
    assert.equal(spec.cluster?.nodeResources.memoryBytes, 2 * 1024 ** 3);
  });
});
