/**
 * How each binary of the kind node image is built from Go modules (or, for pause, from our own C file):
 * pure data, so the builder can hash a recipe to decide whether its cached output is still valid and tests
 * can check flags without running a compiler. Modules whose go.mod has replace directives (Kubernetes,
 * etcd) are built from our wrapper modules in images/kind-node/modules/; the rest use `go install mod@ver`.
 * Everything runs under `nice -n 19` because the build machine is shared.
 */
import { join } from "node:path";
import { kubeVersionParts, type KindNodeVersions } from "./versions";

export interface BuildCommand {
  cmd: string;
  args: string[];
  /** Working directory; undefined = the cache root. */
  cwd?: string;
  env: Record<string, string>;
}

export interface ArtifactRecipe {
  /** Unique name, also the progress label. */
  name: string;
  /** "node" = goes into the node image; "tool" = host-side only (the kind CLI for the proof test). */
  group: "node" | "tool";
  /** Paths of the produced files, relative to the cache root. */
  outputs: string[];
  commands: BuildCommand[];
  /** Repo files whose content is part of the recipe (wrapper go.mod/go.sum, C sources). */
  inputs: string[];
  /** Host files the build needs, with the hint printed when one is missing. */
  hostRequirements: { path: string; hint: string }[];
}

export interface RecipePaths {
  /** images/kind-node/ in the checkout. */
  imageDir: string;
}

const NICE = ["-n", "19"];
const GO_ENV = { GOTOOLCHAIN: "local", GOFLAGS: "-buildvcs=false" };

function go(args: string[], env: Record<string, string>, cwd?: string): BuildCommand {
  return { cmd: "nice", args: [...NICE, "go", ...args], env: { ...GO_ENV, ...env }, cwd };
}

/** `go install mod/pkg@version` into a GOBIN inside the cache. */
function goInstall(pkgs: string[], version: string, gobin: string, opts: { cgo?: boolean; tags?: string[]; ldflags?: string } = {}): BuildCommand {
  const args = ["install", "-trimpath"];
  if (opts.tags?.length) args.push("-tags", opts.tags.join(" "));
  if (opts.ldflags) args.push("-ldflags", opts.ldflags);
  args.push(...pkgs.map((p) => `${p}@${version}`));
  return go(args, { CGO_ENABLED: opts.cgo ? "1" : "0", GOBIN: gobin });
}

function kubeLdflags(v: KindNodeVersions, buildDate: string): string {
  const { major, minor } = kubeVersionParts(v.kubernetes);
  const vals = { gitVersion: v.kubernetes, gitMajor: major, gitMinor: minor, gitTreeState: "clean", gitCommit: "0".repeat(40), buildDate };
  const xs: string[] = [];
  for (const pkg of ["k8s.io/component-base/version", "k8s.io/client-go/pkg/version"]) {
    for (const [k, val] of Object.entries(vals)) xs.push(`-X ${pkg}.${k}=${val}`);
  }
  return ["-s", "-w", ...xs].join(" ");
}

export const KUBE_BINARIES = ["kubeadm", "kubectl", "kubelet", "kube-proxy", "kube-scheduler", "kube-controller-manager", "kube-apiserver"] as const;
export const CNI_PLUGINS = { "host-local": "ipam/host-local", loopback: "main/loopback", ptp: "main/ptp", portmap: "meta/portmap" } as const;

/** Fixed build date (the release date of the pinned Kubernetes) keeps binaries reproducible. */
export const KUBE_BUILD_DATE = "2026-02-10T12:53:36Z";

export function artifactRecipes(v: KindNodeVersions, paths: RecipePaths, cacheRoot: string): ArtifactRecipe[] {
  const bin = (name: string) => join(cacheRoot, "bin", name);
  const kubeModule = join(paths.imageDir, "modules", "kubernetes");
  const etcdModule = join(paths.imageDir, "modules", "etcd");
  const moduleInputs = (dir: string) => [join(dir, "go.mod"), join(dir, "go.sum")];
  const recipes: ArtifactRecipe[] = [];

  for (const name of KUBE_BINARIES) {
    recipes.push({
      name,
      group: "node",
      outputs: [`bin/${name}`],
      commands: [go(["build", "-trimpath", "-ldflags", kubeLdflags(v, KUBE_BUILD_DATE), "-o", bin(name), `k8s.io/kubernetes/cmd/${name}`], { CGO_ENABLED: "0" }, kubeModule)],
      inputs: moduleInputs(kubeModule),
      hostRequirements: [],
    });
  }
  recipes.push({
    name: "etcd",
    group: "node",
    outputs: ["bin/etcd"],
    commands: [go(["build", "-trimpath", "-ldflags", `-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=${v.etcd}`, "-o", bin("etcd"), "go.etcd.io/etcd/server/v3"], { CGO_ENABLED: "0" }, etcdModule)],
    inputs: moduleInputs(etcdModule),
    hostRequirements: [],
  });
  const ctrd = "github.com/containerd/containerd/v2";
  const ctrdLd = `-s -w -X ${ctrd}/version.Version=${v.containerd} -X ${ctrd}/version.Revision=${v.containerd} -X ${ctrd}/version.Package=${ctrd}`;
  const ctrdTags = ["no_btrfs", "no_devmapper", "no_zfs", "urfave_cli_no_docs"];
  // containerd's go.mod has exclude directives, so `go install mod@ver` refuses it: wrapper module.
  const ctrdModule = join(paths.imageDir, "modules", "containerd");
  const ctrdBuild = (cmd: string, extraTags: string[]) =>
    go(["build", "-trimpath", "-tags", [...ctrdTags, ...extraTags].join(" "), "-ldflags", ctrdLd, "-o", bin(cmd), `${ctrd}/cmd/${cmd}`], { CGO_ENABLED: "0" }, ctrdModule);
  recipes.push({
    name: "containerd",
    group: "node",
    outputs: ["bin/containerd", "bin/ctr", "bin/containerd-shim-runc-v2"],
    commands: [ctrdBuild("containerd", []), ctrdBuild("ctr", []), ctrdBuild("containerd-shim-runc-v2", ["no_grpc"])],
    inputs: moduleInputs(ctrdModule),
    hostRequirements: [],
  });
  const runcVersion = v.runc.replace(/^v/, "");
  recipes.push({
    name: "runc",
    group: "node",
    outputs: ["bin/runc"],
    commands: [
      goInstall(["github.com/opencontainers/runc"], v.runc, join(cacheRoot, "bin"), {
        cgo: true,
        tags: ["seccomp", "urfave_cli_no_docs"],
        ldflags: `-s -w -X main.version=${runcVersion} -X main.gitCommit=${v.runc} -extldflags -static`,
      }),
    ],
    inputs: [],
    hostRequirements: [
      { path: "/usr/include/seccomp.h", hint: "runc needs libseccomp: apt-get install libseccomp-dev" },
      { path: "/usr/bin/gcc", hint: "runc needs a C compiler for cgo: apt-get install gcc" },
    ],
  });
  recipes.push({
    name: "crictl",
    group: "node",
    outputs: ["bin/crictl"],
    commands: [goInstall(["sigs.k8s.io/cri-tools/cmd/crictl"], v.crictl, join(cacheRoot, "bin"), { ldflags: `-s -w -X sigs.k8s.io/cri-tools/pkg/version.Version=${v.crictl}` })],
    inputs: [],
    hostRequirements: [],
  });
  recipes.push({
    name: "cni-plugins",
    group: "node",
    outputs: Object.keys(CNI_PLUGINS).map((p) => `bin/cni/${p}`),
    commands: [
      goInstall(
        Object.values(CNI_PLUGINS).map((p) => `github.com/containernetworking/plugins/plugins/${p}`),
        v.cniPlugins,
        join(cacheRoot, "bin", "cni"),
        { ldflags: `-s -w -X github.com/containernetworking/plugins/pkg/utils/buildversion.BuildVersion=${v.cniPlugins}` },
      ),
    ],
    inputs: [],
    hostRequirements: [],
  });
  recipes.push({
    name: "coredns",
    group: "node",
    outputs: ["bin/coredns"],
    commands: [goInstall(["github.com/coredns/coredns"], v.coredns, join(cacheRoot, "bin"), { ldflags: "-s -w" })],
    inputs: [],
    hostRequirements: [],
  });
  recipes.push({
    name: "local-path-provisioner",
    group: "node",
    outputs: ["bin/local-path-provisioner"],
    commands: [goInstall(["github.com/rancher/local-path-provisioner"], v.localPathProvisioner, join(cacheRoot, "bin"), { ldflags: `-s -w -X main.VERSION=${v.localPathProvisioner}` })],
    inputs: [],
    hostRequirements: [],
  });
  const pauseSrc = join(paths.imageDir, "pause", "pause.c");
  recipes.push({
    name: "pause",
    group: "node",
    outputs: ["bin/pause"],
    commands: [{ cmd: "nice", args: [...NICE, "gcc", "-Os", "-Wall", "-Werror", "-static", `-DVERSION="${v.pause}"`, "-o", bin("pause"), pauseSrc], env: {} }],
    inputs: [pauseSrc],
    hostRequirements: [{ path: "/usr/bin/gcc", hint: "pause is C: apt-get install gcc libc6-dev" }],
  });
  recipes.push({
    name: "kind-cli",
    group: "tool",
    outputs: ["tools/kind"],
    commands: [goInstall(["sigs.k8s.io/kind"], v.kindCli, join(cacheRoot, "tools"), { ldflags: "-s -w" })],
    inputs: [],
    hostRequirements: [],
  });
  return recipes;
}
