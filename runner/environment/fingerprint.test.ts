/** Spec fingerprints: equal for the same spec however its fields are ordered, different for any change. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeCreateSession } from "../api/session-body";
import { encodeCreateSession } from "../remote/client";
import { specFingerprint } from "./fingerprint";
import { resolveSpec } from "./spec";

const spec = resolveSpec({ labId: "l", hosts: [{ name: "box", image: "img", files: [{ targetPath: "/a", content: new TextEncoder().encode("x") }] }] });

describe("specFingerprint", () => {
  it("survives the HTTP round trip and notices a changed file", () => {
    const roundTripped = decodeCreateSession(JSON.parse(JSON.stringify(encodeCreateSession(spec))));
    assert.equal(specFingerprint(roundTripped), specFingerprint(spec));
    const changed = resolveSpec({ labId: "l", hosts: [{ name: "box", image: "img", files: [{ targetPath: "/a", content: new TextEncoder().encode("y") }] }] });
    assert.notEqual(specFingerprint(changed), specFingerprint(spec));
  });

  it("keeps a Kubernetes cluster through the HTTP round trip (a lost cluster once meant no kubectl)", () => {
    const withCluster = resolveSpec({
      labId: "k",
      hosts: [{ name: "ws", image: "img" }],
      cluster: { nodes: 2, kubernetesVersion: "v1.34.4", image: "praxis/kind-node:v1.34.4", loadImages: ["praxis/hello-web"] },
    });
    const roundTripped = decodeCreateSession(JSON.parse(JSON.stringify(encodeCreateSession(withCluster))));
    assert.deepEqual(roundTripped.cluster, withCluster.cluster);
    assert.equal(specFingerprint(roundTripped), specFingerprint(withCluster));
  });
});
