/** Label and field selectors: the Kubernetes syntax, matching semantics, and load-time error messages. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { fieldsMatch, labelsMatch, parseFieldSelector, parseLabelSelector } from "./selector";

const labels = { app: "web", tier: "front", "app.kubernetes.io/name": "shop" };
const matches = (selector: string) => labelsMatch(parseLabelSelector(selector), labels);

describe("label selectors", () => {
  it("supports equality, inequality, sets and existence", () => {
    assert.equal(matches("app=web"), true);
    assert.equal(matches("app==web,tier=front"), true);
    assert.equal(matches("app=web,tier=back"), false);
    assert.equal(matches("app!=db"), true);
    assert.equal(matches("missing!=x"), true, "!= also matches objects without the label, as in Kubernetes");
    assert.equal(matches("tier in (front, back)"), true);
    assert.equal(matches("tier notin (front)"), false);
    assert.equal(matches("missing notin (x)"), true);
    assert.equal(matches("app.kubernetes.io/name"), true);
    assert.equal(matches("!canary"), true);
    assert.equal(matches("!app"), false);
    assert.equal(matches("env in (a,b),app"), false);
  });

  it("rejects malformed selectors with a message saying what to write", () => {
    assert.throws(() => parseLabelSelector("app in (web"), /cannot read "app in \(web"; write key=value/);
    assert.throws(() => parseLabelSelector("app=web,"), /has an empty requirement/);
    assert.throws(() => parseLabelSelector("app=we b"), /cannot read/);
    assert.throws(() => parseLabelSelector("-app=web"), /"-app" is not a valid label key/);
    assert.throws(() => parseLabelSelector("app=web!"), /cannot read|not a valid label value/);
  });
});

describe("field selectors", () => {
  const pod = { metadata: { name: "web-1", namespace: "default" }, status: { phase: "Running" }, spec: { replicas: 2 } };

  it("compares the text of a field, treating a missing field as empty", () => {
    assert.equal(fieldsMatch(parseFieldSelector("status.phase=Running"), pod), true);
    assert.equal(fieldsMatch(parseFieldSelector("status.phase!=Running"), pod), false);
    assert.equal(fieldsMatch(parseFieldSelector("metadata.name==web-1,metadata.namespace=default"), pod), true);
    assert.equal(fieldsMatch(parseFieldSelector("spec.replicas=2"), pod), true);
    assert.equal(fieldsMatch(parseFieldSelector("spec.nodeName="), pod), true);
  });

  it("rejects set-based syntax, which field selectors do not have", () => {
    assert.throws(() => parseFieldSelector("status.phase in (Running)"), /write field=value or field!=value/);
  });
});
