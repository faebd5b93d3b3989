/** The `object` + `expr` form: the named object exists and every expression is true for it. */
import type { KubernetesObjectRef } from "../../../format/types";
import { objectText, refText } from "../describe";
import { evaluate } from "../expression/evaluate";
import { explainFalse } from "../expression/explain";
import type { Expression } from "../expression/ast";
import { failed, passed, type AttemptContext, type AttemptOutcome } from "./outcome";

export async function attemptExpressions(ctx: AttemptContext, object: KubernetesObjectRef, expressions: readonly Expression[]): Promise<AttemptOutcome> {
  const found = await ctx.get(object);
  if (!found) return failed(`${refText(object)} not found`);
  const failing = expressions.find((e) => evaluate(e.root, found) !== true);
  return failing ? failed(`${objectText(object.kind, found)}: ${explainFalse(failing, found)}`) : passed;
}
