/** The expression parser: what it accepts, the tree it builds, and errors that point at the right character. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ExpressionError, parseExpression } from "./parser";

function errorOf(source: string): { message: string; offset: number } {
  try {
    parseExpression(source);
  } catch (error) {
    assert.ok(error instanceof ExpressionError, `expected an ExpressionError for ${source}`);
    return { message: error.message, offset: error.offset };
  }
  assert.fail(`${source} should not parse`);
}

describe("parseExpression", () => {
  it("parses paths with fields, indexes, quoted keys and element filters", () => {
    const { root } = parseExpression('status.conditions[type="Ready"].status == "True"');
    assert.equal(root.type, "compare");
    assert.ok(root.type === "compare" && root.left.type === "path");
    assert.deepEqual(root.type === "compare" && root.left.type === "path" && root.left.segments, [
      { kind: "field", name: "status" },
      { kind: "field", name: "conditions" },
      { kind: "filter", field: "type", value: "Ready" },
      { kind: "field", name: "status" },
    ]);
    const labels = parseExpression('metadata.labels["app.kubernetes.io/name"] == "web"').root;
    assert.ok(labels.type === "compare" && labels.left.type === "path");
    assert.deepEqual(labels.left.segments.at(-1), { kind: "field", name: "app.kubernetes.io/name" });
    const indexed = parseExpression("spec.containers[0].ports[name=http].containerPort == 80").root;
    assert.ok(indexed.type === "compare" && indexed.left.type === "path");
    assert.deepEqual(indexed.left.segments.slice(2, 4), [{ kind: "index", index: 0 }, { kind: "field", name: "ports" }]);
    assert.deepEqual(indexed.left.segments[4], { kind: "filter", field: "name", value: "http" });
  });

  it("gives && precedence over || and ! precedence over comparisons", () => {
    const { root } = parseExpression("a || b && c");
    assert.equal(root.type, "or");
    assert.ok(root.type === "or" && root.right.type === "and");
    const negated = parseExpression("!has(spec.paused) && x == 1").root;
    assert.ok(negated.type === "and" && negated.left.type === "not");
    assert.ok(parseExpression("!(a == b)").root.type === "not");
  });

  it("keeps source spans so explanations can quote the author's text", () => {
    const source = "len(spec.containers) == 1 && status.readyReplicas >= 2";
    const { root } = parseExpression(source);
    assert.ok(root.type === "and");
    assert.equal(source.slice(root.left.start, root.left.end), "len(spec.containers) == 1");
    assert.equal(source.slice(root.right.start, root.right.end), "status.readyReplicas >= 2");
  });

  it("reads literals: numbers, negative numbers, both quote styles, escapes, true/false/null", () => {
    const literal = (s: string) => {
      const { root } = parseExpression(`x == ${s}`);
      assert.ok(root.type === "compare" && root.right.type === "literal");
      return root.right.value;
    };
    assert.equal(literal("2.5"), 2.5);
    assert.equal(literal("-3"), -3);
    assert.equal(literal("'single'"), "single");
    assert.equal(literal('"say \\"hi\\""'), 'say "hi"');
    assert.equal(literal("true"), true);
    assert.equal(literal("null"), null);
  });

  it("reports mistakes with the offset of the offending character", () => {
    assert.deepEqual(errorOf("status.readyReplicas >= "), { message: 'unexpected the end of the expression; expected a field path, a value or "("', offset: 24 });
    assert.deepEqual(errorOf("len(spec.containers == 1"), { message: 'expected ")" to close len(, got the end of the expression', offset: 24 });
    assert.deepEqual(errorOf("a = 1"), { message: 'unexpected "="; expected an operator such as && or ==', offset: 2 });
    assert.deepEqual(errorOf("1 < x < 3"), { message: "comparisons cannot be chained; combine them with &&", offset: 6 });
    assert.deepEqual(errorOf("size(spec.x) > 1"), { message: "unknown function size(); available: len(), has(), contains(), startsWith(), quantity()", offset: 0 });
    assert.equal(errorOf("len(a, b)").message, "len() takes 1 argument, got 2: len(list, map or string): its length; 0 when the field is not set");
    assert.equal(errorOf('has("x")').message, "has() needs a field path: has(path): true when the field is set");
    assert.equal(errorOf("spec.containers[name]").message, 'expected "=" after "name": write [name="value"] to pick a list element');
    assert.equal(errorOf("x == 'open").message, "string is not closed; add a '");
    assert.equal(errorOf("x # 1").offset, 2);
    assert.equal(errorOf("   ").message, "expression is empty");
  });

  it("refuses pathological input instead of recursing without bound", () => {
    assert.equal(errorOf(`${"(".repeat(100)}a${")".repeat(100)}`).message, "expression is nested too deeply");
    assert.equal(errorOf("!".repeat(200) + "a").message, "expression is nested too deeply");
    assert.match(errorOf(`a == "${"x".repeat(3000)}"`).message, /longer than 2000 characters/);
  });
});
