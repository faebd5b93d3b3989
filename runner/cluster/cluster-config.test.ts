/** The pure parts of cluster provisioning: names, kubeadm config, CNI manifest processing, kubeconfigs. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse, parseAllDocuments } from "yaml";
import { bootstrapToken, kubeadmConfig } from "./kubeadm-config";
import { hostServer, kindKubeconfig } from "./kubeconfig";
import { prepareCniManifest } from "./manifests";
import { clusterNodes, controlPlaneEndpoint } from "./names";

describe("cluster names", () => {
  it("follow kind: <cluster>-control-plane, -worker, -worker2", () => {
    assert.deepEqual(clusterNodes("praxis-ab12", 3), [
      { name: "praxis-ab12-control-plane", role: "control-plane" },
      { name: "praxis-ab12-worker", role: "worker" },
      { name: "praxis-ab12-worker2", role: "worker" },
    ]);
    assert.equal(controlPlaneEndpoint("praxis-ab12"), "praxis-ab12-control-plane:6443");
  });
});

describe("kubeadmConfig", () => {
  const docs = parseAllDocuments(
    kubeadmConfig({ cluster: "praxis-ab12", kubernetesVersion: "v1.34.4", nodeName: "praxis-ab12-worker", nodeIp: "172.19.0.3", token: "abcdef.0123456789abcdef" }),
  ).map((d) => d.toJS() as Record<string, any>);
  const byKind = Object.fromEntries(docs.map((d) => [d.kind, d]));

  it("has the five documents kubeadm and the components read", () => {
    assert.deepEqual(docs.map((d) => d.kind), ["ClusterConfiguration", "InitConfiguration", "JoinConfiguration", "KubeletConfiguration", "KubeProxyConfiguration"]);
  });

  it("points everything at the control plane by name and the node at its own address", () => {
    assert.equal(byKind.ClusterConfiguration.controlPlaneEndpoint, "praxis-ab12-control-plane:6443");
    assert.equal(byKind.ClusterConfiguration.kubernetesVersion, "v1.34.4");
    assert.deepEqual(byKind.ClusterConfiguration.apiServer.certSANs, ["localhost", "127.0.0.1"]);
    assert.equal(byKind.InitConfiguration.localAPIEndpoint.advertiseAddress, "172.19.0.3");
    assert.equal(byKind.JoinConfiguration.discovery.bootstrapToken.apiServerEndpoint, "praxis-ab12-control-plane:6443");
    assert.deepEqual(byKind.JoinConfiguration.nodeRegistration.kubeletExtraArgs, {
      "node-ip": "172.19.0.3",
      "provider-id": "kind://docker/praxis-ab12/praxis-ab12-worker",
    });
  });

  it("skips preflight, uses systemd cgroups under /kubelet and never evicts or collects images", () => {
    assert.deepEqual(byKind.InitConfiguration.skipPhases, ["preflight"]);
    assert.deepEqual(byKind.JoinConfiguration.skipPhases, ["preflight"]);
    assert.equal(byKind.KubeletConfiguration.cgroupDriver, "systemd");
    assert.equal(byKind.KubeletConfiguration.cgroupRoot, "/kubelet");
    assert.equal(byKind.KubeletConfiguration.imageGCHighThresholdPercent, 100);
    assert.equal(byKind.KubeletConfiguration.evictionHard["nodefs.available"], "0%");
  });

  it("makes well-formed random bootstrap tokens", () => {
    let n = 0;
    assert.equal(bootstrapToken(() => n++ % 36), "abcdef.ghijklmnopqrstuv");
    assert.match(bootstrapToken((max) => Math.floor(Math.random() * max)), /^[a-z0-9]{6}\.[a-z0-9]{16}$/);
  });
});

describe("prepareCniManifest", () => {
  const manifest = `# would you kindly template this file
# would you kindly patch this file
apiVersion: v1
kind: ServiceAccount
metadata: { name: net }
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: net }
spec:
  template:
    spec:
      containers:
        - name: net
          env:
            - name: POD_SUBNET
              value: "{{ .PodSubnet }}"
`;

  it("fills in the pod subnet and adds CONTROL_PLANE_ENDPOINT to the DaemonSet's first container", () => {
    const out = parseAllDocuments(prepareCniManifest(manifest, { podSubnet: "10.244.0.0/16", controlPlaneEndpoint: "c-control-plane:6443" })).map((d) => d.toJS());
    assert.equal(out.length, 2);
    assert.deepEqual(out[1].spec.template.spec.containers[0].env, [
      { name: "POD_SUBNET", value: "10.244.0.0/16" },
      { name: "CONTROL_PLANE_ENDPOINT", value: "c-control-plane:6443" },
    ]);
  });

  it("leaves an unmarked manifest alone and refuses template expressions it cannot fill", () => {
    const plain = "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\ndata: { a: '{{ .Other }}' }\n";
    assert.equal(prepareCniManifest(plain, { podSubnet: "p", controlPlaneEndpoint: "e" }), plain);
    assert.throws(() => prepareCniManifest(`# would you kindly template this file\n${plain}`, { podSubnet: "p", controlPlaneEndpoint: "e" }), /unsupported template expression \{\{ \.Other \}\}/);
  });
});

describe("kindKubeconfig", () => {
  const admin = `apiVersion: v1
kind: Config
clusters:
  - name: kubernetes
    cluster: { server: "https://praxis-ab12-control-plane:6443", certificate-authority-data: Q0E= }
contexts:
  - name: kubernetes-admin@kubernetes
    context: { cluster: kubernetes, user: kubernetes-admin }
users:
  - name: kubernetes-admin
    user: { client-certificate-data: Q0VSVA==, client-key-data: S0VZ }
current-context: kubernetes-admin@kubernetes
`;

  it("renames everything kind-<cluster> and keeps the in-network server", () => {
    const kc = parse(kindKubeconfig(admin, "praxis-ab12"));
    assert.equal(kc["current-context"], "kind-praxis-ab12");
    assert.deepEqual(kc.contexts[0], { name: "kind-praxis-ab12", context: { cluster: "kind-praxis-ab12", user: "kind-praxis-ab12" } });
    assert.equal(kc.clusters[0].cluster.server, "https://praxis-ab12-control-plane:6443");
    assert.equal(kc.users[0].user["client-key-data"], "S0VZ");
  });

  it("points the host kubeconfig at the published port", () => {
    assert.equal(parse(kindKubeconfig(admin, "c", hostServer("127.0.0.1", 41235))).clusters[0].cluster.server, "https://127.0.0.1:41235");
    assert.equal(hostServer("0.0.0.0", 5), "https://127.0.0.1:5");
  });

  it("refuses an admin.conf with several clusters", () => {
    const two = admin.replace("clusters:\n", "clusters:\n  - name: other\n    cluster: { server: x }\n");
    assert.throws(() => kindKubeconfig(two, "c"), /exactly one cluster/);
  });
});
