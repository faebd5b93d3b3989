/**
 * A condition on one object, compiled once per check: a partial manifest (matched with match.ts) or an
 * expression (parsed once, evaluated per object). The result says why a non-matching object fails, and a
 * score so "closest candidate" reporting can pick the object with the fewest differences.
 */
import type { KubernetesCondition } from "../../format/types";
import { evaluate } from "./expression/evaluate";
import { explainFalse } from "./expression/explain";
import { parseExpression } from "./expression/parser";
import { matchPartial, type Mismatch } from "./match";
import type { KubeObject } from "./reader";

export type ConditionResult = { ok: true } | { ok: false; detail: string; score: number };
export type CompiledCondition = (object: KubeObject) => ConditionResult;

/** Throws ExpressionError for an expression that does not parse (the validator normally catches it first). */
export function compileCondition(condition: KubernetesCondition): CompiledCondition {
  if ("expr" in condition) {
    const expression = parseExpression(condition.expr);
    return (object) =>
      evaluate(expression.root, object) === true ? { ok: true } : { ok: false, detail: explainFalse(expression, object), score: 1 };
  }
  const expected = withoutTypeFields(condition.partial);
  return (object) => {
    const mismatches = matchPartial(expected, object);
    return mismatches.length === 0 ? { ok: true } : { ok: false, detail: mismatchText(mismatches), score: mismatches.length };
  };
}

/** apiVersion and kind chose which objects were read; comparing them again could only add noise. */
export function withoutTypeFields(manifest: Record<string, unknown>): Record<string, unknown> {
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = manifest;
  return rest;
}

const SHOWN_MISMATCHES = 3;

/** `spec.replicas: expected 3, got 1; spec...: ... (and 2 more differences)` */
export function mismatchText(mismatches: readonly Mismatch[]): string {
  const shown = mismatches.slice(0, SHOWN_MISMATCHES).map((m) => (m.path === "" ? m.problem : `${m.path}: ${m.problem}`));
  const more = mismatches.length - SHOWN_MISMATCHES;
  return `${shown.join("; ")}${more > 0 ? ` (and ${more} more difference${more === 1 ? "" : "s"})` : ""}`;
}
