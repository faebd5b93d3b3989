import assert from "node:assert/strict";
import { test } from "node:test";
import { artifactRecipes, KUBE_BINARIES } from "./recipes";
import { KIND_NODE_VERSIONS } from "./versions";

const recipes = artifactRecipes(KIND_NODE_VERSIONS, { imageDir: "/repo/images/kind-node" }, "/cache/v1.34.4");
const byName = (name: string) => {
  const r = recipes.find((x) => x.name === name);
  assert.ok(r, `recipe ${name} exists`);
  return r;
};
const argv = (name: string) => byName(name).commands.map((c) => [c.cmd, ...c.args].join(" "));

test("every recipe has unique outputs inside the cache and runs niced with the local toolchain", () => {
  const outputs = recipes.flatMap((r) => r.outputs);
  assert.equal(new Set(outputs).size, outputs.length);
  for (const r of recipes) {
    for (const c of r.commands) {
      assert.deepEqual([c.cmd, c.args[0], c.args[1]], ["nice", "-n", "19"], `${r.name} runs under nice -n 19`);
      if (c.args[2] === "go") assert.equal(c.env.GOTOOLCHAIN, "local", `${r.name} pins GOTOOLCHAIN=local`);
    }
  }
});

test("Kubernetes binaries are built from the wrapper module with version ldflags kubeadm relies on", () => {
  for (const name of KUBE_BINARIES) {
    const r = byName(name);
    assert.equal(r.commands[0]!.cwd, "/repo/images/kind-node/modules/kubernetes");
    assert.deepEqual(r.inputs, ["/repo/images/kind-node/modules/kubernetes/go.mod", "/repo/images/kind-node/modules/kubernetes/go.sum"]);
    const cmd = argv(name)[0]!;
    assert.match(cmd, /-X k8s\.io\/component-base\/version\.gitVersion=v1\.34\.4/);
    assert.match(cmd, /-X k8s\.io\/component-base\/version\.gitMajor=1 /);
    assert.match(cmd, /-X k8s\.io\/component-base\/version\.gitMinor=34 /);
    assert.match(cmd, /-X k8s\.io\/client-go\/pkg\/version\.gitVersion=v1\.34\.4/);
    assert.ok(cmd.endsWith(`-o /cache/v1.34.4/bin/${name} k8s.io/kubernetes/cmd/${name}`), cmd);
    assert.equal(r.commands[0]!.env.CGO_ENABLED, "0");
  }
});

test("containerd and etcd use wrapper modules; runc needs cgo and libseccomp", () => {
  assert.equal(byName("containerd").commands.length, 3);
  assert.ok(byName("containerd").commands.every((c) => c.cwd === "/repo/images/kind-node/modules/containerd"));
  assert.match(argv("containerd")[2]!, /-tags no_btrfs no_devmapper no_zfs urfave_cli_no_docs no_grpc .*cmd\/containerd-shim-runc-v2$/);
  assert.equal(byName("etcd").commands[0]!.cwd, "/repo/images/kind-node/modules/etcd");
  const runc = byName("runc");
  assert.equal(runc.commands[0]!.env.CGO_ENABLED, "1");
  assert.match(argv("runc")[0]!, /-tags seccomp urfave_cli_no_docs .*github\.com\/opencontainers\/runc@v1\.3\.6$/);
  assert.ok(runc.hostRequirements.some((h) => h.path === "/usr/include/seccomp.h"));
});

test("the kind CLI is a host tool, not part of the node image", () => {
  assert.equal(byName("kind-cli").group, "tool");
  assert.deepEqual(byName("kind-cli").outputs, ["tools/kind"]);
  assert.match(argv("kind-cli")[0]!, /sigs\.k8s\.io\/kind@v0\.30\.0$/);
  assert.ok(recipes.filter((r) => r.name !== "kind-cli").every((r) => r.group === "node"));
});
