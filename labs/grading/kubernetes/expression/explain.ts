/**
 * Says why an expression is false, in the author's own words: it quotes the smallest false part (the first
 * false operand of an &&) and the values of the fields it read, e.g.
 * `expected status.readyReplicas >= 2, but status.readyReplicas is 1`.
 */
import type { Expression, ExprNode } from "./ast";
import { evaluate, type Value } from "./evaluate";
import { renderValue } from "../values";

export function explainFalse(expression: Expression, object: unknown): string {
  const node = firstFalse(expression.root, object);
  const text = sourceOf(expression, node);
  if (node.type === "path" || node.type === "call") {
    return `expected ${text} to be true, but it is ${describe(evaluate(node, object))}`;
  }
  const facts = terms(node).map((term) => `${sourceOf(expression, term)} is ${describe(evaluate(term, object))}`);
  const unique = [...new Set(facts)];
  return unique.length === 0 ? `expected ${text}, but it is false` : `expected ${text}, but ${unique.join(", ")}`;
}

/** The false conjunct of an && chain (recursively), or the node itself. */
function firstFalse(node: ExprNode, object: unknown): ExprNode {
  if (node.type !== "and") return node;
  return evaluate(node.left, object) !== true ? firstFalse(node.left, object) : firstFalse(node.right, object);
}

/** The fields and function results an expression reads (not descending into function arguments). */
function terms(node: ExprNode): ExprNode[] {
  switch (node.type) {
    case "path":
    case "call":
      return [node];
    case "literal":
      return [];
    case "not":
      return terms(node.operand);
    default:
      return [...terms(node.left), ...terms(node.right)];
  }
}

function sourceOf(expression: Expression, node: ExprNode): string {
  return expression.source.slice(node.start, node.end).trim();
}

function describe(value: Value): string {
  return value === undefined ? "not set" : renderValue(value);
}
