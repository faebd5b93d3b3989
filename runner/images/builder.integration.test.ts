/**
 * Builds the real workstation image with Docker (cold, this takes about a minute) and checks the
 * cache: a second build with an unchanged context is skipped. Then checks the tools learners expect.
 */
import assert from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { describe, it } from "node:test";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { buildPraxisImage } from "./builder";

const imagesDir = fileURLToPath(new URL("../../images", import.meta.url));

describe("workstation image", () => {
  const rt = new DockerodeRuntime();
  it("builds (or is cached) and the second build is skipped", { timeout: 240_000 }, async () => {
    const lines: string[] = [];
    const started = Date.now();
    const first = await buildPraxisImage(rt, imagesDir, "workstation", { onProgress: (l) => lines.push(l) });
    if (first.built) assert.ok(Date.now() - started < 120_000, `cold build took ${Date.now() - started} ms`);
    assert.ok(lines.length > 0);
    const second = await buildPraxisImage(rt, imagesDir, "workstation");
    assert.equal(second.built, false);
    const image = await rt.inspectImage("praxis/workstation:latest");
    assert.equal(image?.labels["praxis.context-hash"], first.hash);
  });

  it("has the tools a lab expects", { timeout: 60_000 }, async () => {
    const name = `praxis-it-ws-${process.pid}`;
    await rt.createNetwork({ name, labels: { "praxis.test": name }, internal: true });
    const c = await rt.createContainer({
      name, image: "praxis/workstation:latest", hostname: "ws", labels: { "praxis.test": name }, env: {},
      network: { name, aliases: ["ws"] }, privileged: false, capAdd: [], capDrop: ["ALL"], securityOpt: [],
      resources: { nanoCpus: 1e9, memoryBytes: 256 * 1024 * 1024, pids: 128 }, init: true,
    });
    try {
      await rt.startContainer(c.id);
      const r = await rt.exec(c.id, { cmd: ["bash", "-c", "for t in bash tmux vim nano curl jq git less ps ip timeout mktemp; do command -v $t >/dev/null || echo missing $t; done; tmux new-session -d -s probe && tmux show -g history-limit"] });
      assert.equal(r.stdout, "history-limit 50000\n", r.stderr);
    } finally {
      await rt.removeContainer(c.id);
      await rt.removeNetwork(name);
    }
  });
});
