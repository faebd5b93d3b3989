/**
 * Compiles a kubernetes assertion once (parsing its expressions) into a function that makes one attempt
 * against the cluster. Reader failures become failed attempts whose message already names the object, so
 * polling can keep going through a restarting API server and report the last thing that went wrong.
 */
import type { KubernetesAssertion } from "../../format/types";
import { compileCondition } from "./conditions";
import { parseExpression } from "./expression/parser";
import { attemptAbsent } from "./forms/absent";
import { attemptExpressions } from "./forms/expr";
import { attemptMatch } from "./forms/match";
import type { AttemptContext, AttemptOutcome } from "./forms/outcome";
import { attemptSelect, type SelectConstraints } from "./forms/select";
import { ClusterReadError, isPermanent } from "./reader";

export type Attempt = (ctx: AttemptContext) => Promise<AttemptOutcome>;

/** Throws ExpressionError when an expression does not parse. */
export function compileAssertion(assertion: KubernetesAssertion): Attempt {
  const attempt = compileForm(assertion);
  return async (ctx) => {
    try {
      return await attempt(ctx);
    } catch (error) {
      if (error instanceof ClusterReadError) {
        return { passed: false, message: error.message, permanent: isPermanent(error), timedOut: error.reason === "timeout" };
      }
      return { passed: false, message: `could not read the cluster: ${error instanceof Error ? error.message : String(error)}` };
    }
  };
}

function compileForm(assertion: KubernetesAssertion): Attempt {
  switch (assertion.form) {
    case "match":
      return (ctx) => attemptMatch(ctx, assertion);
    case "absent":
      return (ctx) => attemptAbsent(ctx, assertion);
    case "expr": {
      const expressions = assertion.expressions.map(parseExpression);
      return (ctx) => attemptExpressions(ctx, assertion.object, expressions);
    }
    case "select": {
      const { every, any, count } = assertion;
      const constraints: SelectConstraints = {
        ...(every && { every: compileCondition(every) }),
        ...(any && { any: compileCondition(any) }),
        ...(count && { count: { min: count.min, max: count.max, ...(count.matching && { matching: compileCondition(count.matching) }) } }),
      };
      return (ctx) => attemptSelect(ctx, assertion.query, constraints);
    }
  }
}
