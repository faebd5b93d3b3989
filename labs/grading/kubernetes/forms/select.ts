/**
 * The `select` form: list objects by kind, namespace and selectors, then check the constraints in a fixed
 * order (count, every, any) and report the first that fails with how many objects were selected and matched,
 * and for a near miss, the closest object's differences.
 */
import type { KubernetesSelection } from "../../../format/types";
import type { CompiledCondition, ConditionResult } from "../conditions";
import { count as countOf, objectText, queryText } from "../describe";
import type { KubeObject } from "../reader";
import { failed, passed, type AttemptContext, type AttemptOutcome } from "./outcome";

export interface SelectConstraints {
  every?: CompiledCondition;
  any?: CompiledCondition;
  count?: { min?: number; max?: number; matching?: CompiledCondition };
}

interface Judged {
  object: KubeObject;
  result: ConditionResult;
}

interface Selection {
  kind: string;
  objects: KubeObject[];
  judge(condition: CompiledCondition): Judged[];
  name(object: KubeObject): string;
}

export async function attemptSelect(ctx: AttemptContext, query: KubernetesSelection, constraints: SelectConstraints): Promise<AttemptOutcome> {
  const objects = await ctx.list(query);
  const selection: Selection = {
    kind: query.kind,
    objects,
    judge: (condition) => objects.map((object) => ({ object, result: condition(object) })),
    name: (object) => objectText(query.kind, object),
  };
  const problem =
    (constraints.count && countProblem(selection, constraints.count)) ??
    (constraints.every && everyProblem(selection, constraints.every)) ??
    (constraints.any && anyProblem(selection, constraints.any));
  return problem ? failed(`${queryText(query)}: ${problem}`) : passed;
}

function countProblem(selection: Selection, { min, max, matching }: NonNullable<SelectConstraints["count"]>): string | undefined {
  const judged = matching ? selection.judge(matching) : selection.objects.map((object) => ({ object, result: { ok: true } as const }));
  const matched = judged.filter((j) => j.result.ok);
  const exactly = min !== undefined && min === max ? `exactly ${min}` : undefined;
  const that = matching ? " that match" : "";
  const found = matching ? `${matched.length} ${matched.length === 1 ? "does" : "do"} (${selection.objects.length} selected)` : `found ${selection.objects.length}`;
  if (min !== undefined && matched.length < min) {
    const miss = closestMiss(judged);
    return `expected ${exactly ?? `at least ${min}`}${that}, ${found}${miss ? `; ${selection.name(miss.object)}: ${miss.detail}` : ""}`;
  }
  if (max !== undefined && matched.length > max) {
    const names = matched.slice(0, 3).map((j) => selection.name(j.object)).join(", ");
    return `expected ${exactly ?? `at most ${max}`}${that}, ${found}: ${names}${matched.length > 3 ? ", …" : ""}`;
  }
  return undefined;
}

function everyProblem(selection: Selection, condition: CompiledCondition): string | undefined {
  if (selection.objects.length === 0) return "none found; expected at least one";
  const failing = selection.judge(condition).filter((j) => !j.result.ok);
  const first = failing[0];
  if (!first || first.result.ok) return undefined;
  const total = countOf(selection.objects.length, selection.kind);
  return `${failing.length} of ${total} ${failing.length === 1 ? "does" : "do"} not match; ${selection.name(first.object)}: ${first.result.detail}`;
}

function anyProblem(selection: Selection, condition: CompiledCondition): string | undefined {
  if (selection.objects.length === 0) return "none found";
  const judged = selection.judge(condition);
  const miss = closestMiss(judged);
  if (!miss || judged.some((j) => j.result.ok)) return undefined;
  const total = countOf(selection.objects.length, selection.kind);
  return `none of ${total} ${selection.objects.length === 1 ? "matches" : "match"}; closest is ${selection.name(miss.object)}: ${miss.detail}`;
}

/** The non-matching object with the fewest differences. */
function closestMiss(judged: Judged[]): { object: KubeObject; detail: string } | undefined {
  let best: { object: KubeObject; detail: string; score: number } | undefined;
  for (const { object, result } of judged) {
    if (!result.ok && (!best || result.score < best.score)) best = { object, detail: result.detail, score: result.score };
  }
  return best;
}
