/** YAML/JSON content with a partial document: parse errors, multi-document streams, messages. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchStructured } from "./structured";
import { missingSubstrings, unmatchedPatterns } from "./text";

describe("matchStructured", () => {
  it("names the differing field with expected and actual values", () => {
    const yaml = "server:\n  port: 80\n  hosts: [a, b]\n";
    assert.deepEqual(matchStructured(yaml, { format: "yaml", partial: { server: { port: 8080, hosts: ["b"] } } }), ["server.port: expected 8080, got 80"]);
    assert.deepEqual(matchStructured(yaml, { format: "yaml", partial: { server: { hosts: ["b", "a"] } } }), []);
  });

  it("reports invalid YAML and JSON with the reason", () => {
    assert.match(matchStructured("a: [1, 2\n", { format: "yaml" })[0]!, /^is not valid YAML: .+ \(line \d\)$/);
    assert.match(matchStructured("{\"a\": }", { format: "json" })[0]!, /^is not valid JSON: /);
    assert.deepEqual(matchStructured("{\"a\": 1}", { format: "json" }), []);
  });

  it("passes a YAML stream when one document matches, else reports the closest", () => {
    const stream = "kind: Service\nmetadata: {name: web}\n---\nkind: Deployment\nspec: {replicas: 2}\n";
    assert.deepEqual(matchStructured(stream, { format: "yaml", partial: { kind: "Deployment", spec: { replicas: 2 } } }), []);
    assert.deepEqual(matchStructured(stream, { format: "yaml", partial: { kind: "Deployment", spec: { replicas: 3 } } }), ["spec.replicas: expected 3, got 2"]);
  });

  it("prefixes paths for a body", () => {
    assert.deepEqual(matchStructured('{"items":[{"id":1}]}', { format: "json", partial: { items: [{ id: 2 }] } }, "body."), ["body.items[0].id: expected 2, got 1"]);
    assert.deepEqual(matchStructured("", { format: "yaml", partial: { a: 1 } }), ["is empty, expected YAML content"]);
  });
});

describe("text expectations", () => {
  it("finds missing substrings and patterns that match nowhere (multiline)", () => {
    const text = "listen 8080\nserver_name example.org;\n";
    assert.deepEqual(missingSubstrings(text, ["listen 8080", "ssl"]), ["ssl"]);
    assert.deepEqual(unmatchedPatterns(text, ["^server_name \\S+;$", "^listen 443"]), ["^listen 443"]);
  });
});
