/** Evaluating expressions against objects (strict, no coercion) and explaining why one is false. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { evaluate } from "./evaluate";
import { explainFalse } from "./explain";
import { parseExpression } from "./parser";

const deployment = {
  metadata: { name: "web", labels: { "app.kubernetes.io/name": "web", tier: "front" } },
  spec: { replicas: 3, paused: false, template: { spec: { containers: [{ name: "web", image: "nginx:1.27", args: ["--verbose"], resources: { limits: { memory: "1Gi" } } }] } } },
  status: { readyReplicas: 1, conditions: [{ type: "Available", status: "False" }, { type: "Progressing", status: "True" }] },
};

const run = (source: string, object: unknown = deployment) => evaluate(parseExpression(source).root, object);
const why = (source: string, object: unknown = deployment) => explainFalse(parseExpression(source), object);

describe("evaluate", () => {
  it("reads fields, indexes, quoted keys and element filters", () => {
    assert.equal(run('metadata.labels["app.kubernetes.io/name"] == "web"'), true);
    assert.equal(run('spec.template.spec.containers[0].image == "nginx:1.27"'), true);
    assert.equal(run('status.conditions[type="Progressing"].status == "True"'), true);
    assert.equal(run('status.conditions[type=Available].status == "True"'), false);
  });

  it("compares strictly: no coercion between numbers and strings", () => {
    assert.equal(run("spec.replicas == 3"), true);
    assert.equal(run('spec.replicas == "3"'), false);
    assert.equal(run('spec.replicas > "2"'), false);
    assert.equal(run('metadata.name < "xyz"'), true);
  });

  it("treats a missing field as not set: equal to null, never ordered", () => {
    assert.equal(run("status.unavailableReplicas == null"), true);
    assert.equal(run("status.unavailableReplicas >= 0"), false);
    assert.equal(run("status.nope.deeper.still == 1"), false);
    assert.equal(run("spec.template.spec.containers[5].image == null"), true);
  });

  it("combines with &&, || and !, where only true is true", () => {
    assert.equal(run("spec.replicas == 3 && status.readyReplicas == 1"), true);
    assert.equal(run("spec.replicas == 1 || status.readyReplicas == 1"), true);
    assert.equal(run("!spec.paused"), true);
    assert.equal(run("spec.replicas"), 3);
    assert.equal(run("!spec.replicas"), true, "a number is not true, so its negation is");
  });

  it("provides len, has, contains, startsWith and quantity", () => {
    assert.equal(run("len(spec.template.spec.containers) == 1"), true);
    assert.equal(run("len(spec.volumes) == 0"), true, "an unset list has length 0");
    assert.equal(run("len(metadata.labels) == 2"), true);
    assert.equal(run("has(status.readyReplicas) && !has(status.unavailableReplicas)"), true);
    assert.equal(run('contains(spec.template.spec.containers[name="web"].args, "--verbose")'), true);
    assert.equal(run('startsWith(spec.template.spec.containers[0].image, "nginx:")'), true);
    assert.equal(run('quantity(spec.template.spec.containers[0].resources.limits.memory) == quantity("1024Mi")'), true);
    assert.equal(run('quantity(spec.template.spec.containers[0].resources.limits.memory) < quantity("512Mi")'), false);
  });

  it("compares whole values with == (a path against a path)", () => {
    assert.equal(run("spec.template.spec.containers[0] == spec.template.spec.containers[name=web]"), true);
    assert.equal(run("status.conditions[0] == status.conditions[1]"), false);
  });
});

describe("explainFalse", () => {
  it("names the failing comparison and the value it read", () => {
    assert.equal(why("status.readyReplicas >= 2"), "expected status.readyReplicas >= 2, but status.readyReplicas is 1");
  });

  it("reports only the first false part of an && chain", () => {
    assert.equal(why("spec.replicas == 3 && status.readyReplicas >= 2 && len(spec.template.spec.containers) == 2"), "expected status.readyReplicas >= 2, but status.readyReplicas is 1");
  });

  it("says when a field is not set, and shows strings with quotes so types are visible", () => {
    assert.equal(why("status.unavailableReplicas >= 1"), "expected status.unavailableReplicas >= 1, but status.unavailableReplicas is not set");
    assert.equal(why('spec.replicas == "3"'), 'expected spec.replicas == "3", but spec.replicas is 3');
    assert.equal(why('status.conditions[type="Available"].status == "True"'), 'expected status.conditions[type="Available"].status == "True", but status.conditions[type="Available"].status is "False"');
  });

  it("shows function results rather than the lists they read", () => {
    assert.equal(why("len(spec.template.spec.containers) == 2"), "expected len(spec.template.spec.containers) == 2, but len(spec.template.spec.containers) is 1");
    assert.equal(why("has(status.unavailableReplicas)"), "expected has(status.unavailableReplicas) to be true, but it is false");
  });

  it("lists every value an || read", () => {
    assert.equal(why("spec.replicas == 1 || status.readyReplicas == 3"), "expected spec.replicas == 1 || status.readyReplicas == 3, but spec.replicas is 3, status.readyReplicas is 1");
  });
});
