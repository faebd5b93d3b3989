/**
 * Partial matching: maps ignore extra keys, lists match in any order with a proper assignment (not greedy),
 * scalars are strict except quantities in resource lists, and failures name the path and the closest element.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { maxAssignment } from "./assign";
import { matchPartial } from "./match";

const problems = (expected: unknown, actual: unknown) => matchPartial(expected, actual).map((m) => `${m.path}: ${m.problem}`);

describe("matchPartial", () => {
  it("ignores keys the author did not write", () => {
    assert.deepEqual(problems({ spec: { replicas: 3 } }, { spec: { replicas: 3, paused: false }, status: {} }), []);
  });

  it("reports each differing or missing field with its path", () => {
    assert.deepEqual(problems({ spec: { replicas: 3, strategy: { type: "Recreate" } } }, { spec: { replicas: 1 } }), [
      "spec.replicas: expected 3, got 1",
      "spec.strategy.type: expected \"Recreate\", got nothing (the field is not set)",
    ]);
  });

  it("does not coerce between numbers and strings", () => {
    assert.deepEqual(problems({ spec: { replicas: 3 } }, { spec: { replicas: "3" } }), ['spec.replicas: expected 3 (a number), got "3" (a string)']);
    assert.deepEqual(problems({ data: { port: "8080" } }, { data: { port: 8080 } }), ['data.port: expected "8080" (a string), got 8080 (a number)']);
  });

  it("compares quantities by value inside resource lists only", () => {
    const actual = { resources: { limits: { memory: "1Gi", cpu: "500m" }, requests: { cpu: "1" } }, data: { size: "1Gi" } };
    assert.deepEqual(problems({ resources: { limits: { memory: "1024Mi", cpu: 0.5 }, requests: { cpu: 1 } } }, actual), []);
    assert.deepEqual(problems({ resources: { limits: { memory: "512Mi" } } }, actual), ['resources.limits.memory: expected "512Mi", got "1Gi"']);
    assert.deepEqual(problems({ data: { size: "1024Mi" } }, actual), ['data.size: expected "1024Mi", got "1Gi"'], "not a resource list: no normalising");
  });

  it("treats null as 'must not be set'", () => {
    assert.deepEqual(problems({ spec: { hostNetwork: null } }, { spec: {} }), []);
    assert.deepEqual(problems({ spec: { securityContext: { privileged: null } } }, { spec: {} }), []);
    assert.deepEqual(problems({ spec: { hostNetwork: null } }, { spec: { hostNetwork: true } }), ["spec.hostNetwork: expected no value, got true"]);
  });

  it("matches list elements in any order", () => {
    const actual = { ports: [{ name: "https", port: 443 }, { name: "http", port: 80 }] };
    assert.deepEqual(problems({ ports: [{ port: 80 }, { port: 443 }] }, actual), []);
    assert.deepEqual(problems({ args: ["--b", "--a"] }, { args: ["--a", "--b", "--c"] }), []);
  });

  it("gives each expected element its own actual element, finding the assignment greedy first-fit misses", () => {
    assert.deepEqual(problems({ xs: [{ a: 1 }, { a: 1, b: 2 }] }, { xs: [{ a: 1, b: 2 }, { a: 1 }] }), []);
    assert.deepEqual(problems({ xs: [{ a: 1 }, { a: 1 }] }, { xs: [{ a: 1, b: 2 }] }), [
      "xs[0]: expected 2 distinct elements like {a: 1}, but this one is already matched by another expected element",
    ]);
  });

  it("reports the closest candidate of an unmatched element, named by its name", () => {
    const actual = {
      spec: { template: { spec: { containers: [{ name: "sidecar", image: "busybox" }, { name: "web", image: "nginx:1.25", ports: [{ containerPort: 80 }] }] } } },
    };
    assert.deepEqual(problems({ spec: { template: { spec: { containers: [{ name: "web", image: "nginx:1.27" }] } } } }, actual), [
      'spec.template.spec.containers[name=web].image: expected "nginx:1.27", got "nginx:1.25"',
    ]);
    assert.deepEqual(problems({ spec: { template: { spec: { containers: [{ image: "nginx:1.27", ports: [{ containerPort: 8080 }] }] } } } }, actual), [
      'spec.template.spec.containers[name=web].image: expected "nginx:1.27", got "nginx:1.25"',
      "spec.template.spec.containers[name=web].ports[0].containerPort: expected 8080, got 80",
    ]);
  });

  it("prefers the candidate with the same name when two are equally close", () => {
    const actual = { containers: [{ name: "other", image: "nginx:1.27" }, { name: "web", image: "nginx:1.25" }] };
    assert.deepEqual(problems({ containers: [{ name: "web", image: "nginx:1.27" }] }, actual), ['containers[name=web].image: expected "nginx:1.27", got "nginx:1.25"']);
  });

  it("names conditions by type and falls back to the index", () => {
    assert.deepEqual(problems({ conditions: [{ type: "Ready", status: "True" }] }, { conditions: [{ type: "Ready", status: "False" }] }), [
      'conditions[type=Ready].status: expected "True", got "False"',
    ]);
    assert.deepEqual(problems({ xs: [7] }, { xs: [5, 6] }), ["xs[0]: expected 7, got 5"]);
  });

  it("explains empty, missing and mistyped lists and maps", () => {
    assert.deepEqual(problems({ xs: [{ a: 1 }] }, { xs: [] }), ["xs: expected an element matching {a: 1}, but the list is empty"]);
    assert.deepEqual(problems({ xs: [1] }, {}), ["xs: expected a list, got nothing (the field is not set)"]);
    assert.deepEqual(problems({ xs: [1] }, { xs: "1" }), ['xs: expected a list, got "1"']);
    assert.deepEqual(problems({ spec: { a: 1 } }, { spec: "x" }), ['spec: expected a mapping, got "x"']);
    assert.deepEqual(problems({ xs: [] }, {}), [], "an empty expected list asks for nothing");
  });

  it("quotes keys that are not plain identifiers", () => {
    assert.deepEqual(problems({ metadata: { labels: { "app.kubernetes.io/name": "web" } } }, { metadata: { labels: {} } }), [
      'metadata.labels["app.kubernetes.io/name"]: expected "web", got nothing (the field is not set)',
    ]);
  });
});

describe("maxAssignment", () => {
  it("finds a perfect assignment through an augmenting path", () => {
    assert.deepEqual(maxAssignment([[true, true], [true, false]], 2), [1, 0]);
  });

  it("leaves elements unassigned when there are not enough distinct partners", () => {
    assert.deepEqual(maxAssignment([[true], [true]], 1), [0, -1]);
    assert.deepEqual(maxAssignment([[false, false]], 2), [-1]);
  });
});
