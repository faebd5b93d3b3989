/**
 * Evaluates a parsed check expression against one Kubernetes object (plain JSON). Semantics are strict and
 * unsurprising: no type coercion (3 == "3" is false), a missing field is "not set" and equals only null,
 * ordering compares two numbers or two strings and is false otherwise, and only `true` is true.
 */
import type { ExprNode, Segment } from "./ast";
import { FUNCTIONS } from "./functions";

/** JSON values, plus undefined for "this field is not set". */
export type Value = string | number | boolean | null | undefined | Value[] | { [key: string]: Value };

export function evaluate(node: ExprNode, object: unknown): Value {
  switch (node.type) {
    case "literal":
      return node.value;
    case "path":
      return walk(object as Value, node.segments);
    case "call":
      return FUNCTIONS[node.name]!.call(node.args.map((arg) => evaluate(arg, object)));
    case "not":
      return evaluate(node.operand, object) !== true;
    case "and":
      return evaluate(node.left, object) === true && evaluate(node.right, object) === true;
    case "or":
      return evaluate(node.left, object) === true || evaluate(node.right, object) === true;
    case "compare":
      return compare(node.op, evaluate(node.left, object), evaluate(node.right, object));
  }
}

function compare(op: string, left: Value, right: Value): boolean {
  if (op === "==") return equal(left, right);
  if (op === "!=") return !equal(left, right);
  const comparable = (typeof left === "number" && typeof right === "number") || (typeof left === "string" && typeof right === "string");
  if (!comparable) return false;
  const l = left as number | string;
  const r = right as number | string;
  return op === "<" ? l < r : op === "<=" ? l <= r : op === ">" ? l > r : l >= r;
}

export function equal(a: Value, b: Value): boolean {
  if ((a === undefined || a === null) && (b === undefined || b === null)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => equal(a[k], b[k]));
  }
  return a === b;
}

export function walk(value: Value, segments: readonly Segment[]): Value {
  let current = value;
  for (const segment of segments) {
    if (segment.kind === "field") current = isMap(current) ? current[segment.name] : undefined;
    else if (segment.kind === "index") current = Array.isArray(current) ? current[segment.index] : undefined;
    else current = Array.isArray(current) ? current.find((item) => isMap(item) && item[segment.field] === segment.value) : undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

const isMap = (v: Value): v is { [key: string]: Value } => typeof v === "object" && v !== null && !Array.isArray(v);
