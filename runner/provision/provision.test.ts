/**
 * Provisioning against the in-memory runtime: the happy path creates what the spec says with the
 * security defaults and reports each step; every failure point leaves no labelled object behind.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FakeRuntime } from "../docker/fake-runtime";
import { resolveSpec } from "../environment/spec";
import { newContext } from "./context";
import { ProvisionError } from "./errors";
import { provision, type ProgressEvent } from "./provision";

const session = { sessionId: "s1", labId: "lab-a", runnerId: "r1" };
const spec = resolveSpec({
  labId: "lab-a",
  hosts: [
    { name: "web", image: "img", files: [{ targetPath: "/etc/motd", content: new TextEncoder().encode("hi") }], setup: [{ script: "echo web-1" }, { script: "echo web-2" }] },
    { name: "db", image: "img", capAdd: ["NET_RAW"], setup: [{ script: "echo db-1" }] },
  ],
});

function fakeWithScripts(fail?: string) {
  const rt = new FakeRuntime({ images: ["img"] });
  const ran: string[] = [];
  rt.onExec((call) => {
    if (call.cmd[0] !== "timeout") return undefined;
    ran.push(`${call.container.labels["praxis.host"]}:${call.stdin}`);
    return call.stdin === fail ? { exitCode: 2, stderr: "apt: boom\n" } : { exitCode: 0 };
  });
  return { rt, ran };
}

async function leftovers(rt: FakeRuntime) {
  return [...(await rt.listContainers({ "praxis.managed": "true" })), ...(await rt.listNetworks({ "praxis.managed": "true" }))];
}

describe("provision", () => {
  it("creates the network, hosts, files and runs setup in order", async () => {
    const { rt, ran } = fakeWithScripts();
    const events: ProgressEvent[] = [];
    const ctx = newContext({ runtime: rt, spec, session });
    await provision(ctx, { onEvent: (e) => events.push(e) });

    assert.deepEqual(
      events.filter((e) => e.status === "done").map((e) => e.step),
      ["ensure-images", "create-network", "start-hosts", "copy-files", "run-setup"],
    );
    assert.deepEqual(ran, ["web:echo web-1", "web:echo web-2", "db:echo db-1"]);
    const [net] = await rt.listNetworks({ "praxis.session": "s1" });
    assert.equal(net?.name, "praxis-s1");
    assert.equal(net?.internal, true);
    const web = await rt.inspectContainer("praxis-s1-web");
    assert.equal(web?.state, "running");
    assert.equal(web?.labels["praxis.role"], "host");
    assert.equal(web?.labels["praxis.runner"], "r1");
    assert.equal(web?.hostConfig.privileged, false);
    assert.deepEqual(web?.hostConfig.capDrop, ["ALL"]);
    assert.deepEqual(web?.hostConfig.securityOpt, ["no-new-privileges:true"]);
    assert.deepEqual(web?.hostConfig.resources, { nanoCpus: 1e9, memoryBytes: 512 * 1024 * 1024, pids: 256 });
    assert.ok(!web?.hostConfig.capAdd.includes("NET_RAW"));
    assert.ok((await rt.inspectContainer("praxis-s1-db"))?.hostConfig.capAdd.includes("NET_RAW"));
    assert.equal(rt.filesOf("praxis-s1-web").get("/etc/motd")?.mode, 0o644);
  });

  it("rolls back everything when a setup script fails, naming the script", async () => {
    const { rt } = fakeWithScripts("echo db-1");
    const events: ProgressEvent[] = [];
    const err = await provision(newContext({ runtime: rt, spec, session }), { onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    assert.ok(err instanceof ProvisionError);
    assert.equal(err.step, "run-setup");
    assert.match(err.message, /db setup #1 on db exited with 2:\napt: boom/);
    assert.deepEqual(err.rollbackFailures, []);
    assert.deepEqual(await leftovers(rt), []);
    assert.ok(events.some((e) => e.step === "rollback" && e.status === "done"));
  });

  it("rolls back when the engine fails midway through starting hosts", async () => {
    const { rt } = fakeWithScripts();
    let starts = 0;
    const original = rt.startContainer.bind(rt);
    rt.startContainer = async (id) => {
      if (++starts === 2) throw new Error("engine hiccup");
      return original(id);
    };
    await assert.rejects(provision(newContext({ runtime: rt, spec, session })), (e) => e instanceof ProvisionError && e.step === "start-hosts");
    assert.deepEqual(await leftovers(rt), []);
  });

  it("fails before creating anything when an image is missing and cannot be built", async () => {
    const rt = new FakeRuntime();
    await assert.rejects(provision(newContext({ runtime: rt, spec, session })), /ensure-images: image img:latest is not available locally/);
    assert.equal(rt.log.filter((l) => l.startsWith("create")).length, 0);
  });

  it("asks ensureImage to build a missing image and continues", async () => {
    const { rt } = fakeWithScripts();
    const fresh = new FakeRuntime();
    const built: string[] = [];
    const ctx = newContext({ runtime: fresh, spec, session, ensureImage: async (ref) => {
      built.push(ref);
    } });
    await assert.rejects(provision(ctx), /still missing after building/);
    assert.deepEqual(built, ["img:latest"]);
    const ok = newContext({ runtime: rt, spec, session, ensureImage: async () => assert.fail("image exists; must not build") });
    await provision(ok);
  });
});
