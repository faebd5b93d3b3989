/** The `match` form: the named object exists and contains the partial manifest. */
import type { KubernetesAssertion } from "../../../format/types";
import { mismatchText, withoutTypeFields } from "../conditions";
import { objectText, refText } from "../describe";
import { matchPartial } from "../match";
import { failed, passed, type AttemptContext, type AttemptOutcome } from "./outcome";

type MatchAssertion = Extract<KubernetesAssertion, { form: "match" }>;

export async function attemptMatch(ctx: AttemptContext, assertion: MatchAssertion): Promise<AttemptOutcome> {
  const found = await ctx.get(assertion.object);
  if (!found) return failed(`${refText(assertion.object)} not found`);
  const mismatches = matchPartial(withoutTypeFields(assertion.manifest), found);
  return mismatches.length === 0 ? passed : failed(`${objectText(assertion.object.kind, found)}: ${mismatchText(mismatches)}`);
}
