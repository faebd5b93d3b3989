/**
 * The `absent` form: nothing matches the partial manifest. With metadata.name it is about that one object
 * (it may exist if it differs from the manifest); without, about every object of the kind in the namespace,
 * with metadata.labels doubling as the label selector so the list stays small.
 */
import type { KubernetesAssertion } from "../../../format/types";
import { withoutTypeFields } from "../conditions";
import { objectText, queryText } from "../describe";
import { matchPartial } from "../match";
import { childPath, renderValue } from "../values";
import { failed, passed, type AttemptContext, type AttemptOutcome } from "./outcome";

type AbsentAssertion = Extract<KubernetesAssertion, { form: "absent" }>;

export async function attemptAbsent(ctx: AttemptContext, assertion: AbsentAssertion): Promise<AttemptOutcome> {
  const { query, manifest } = assertion;
  const expected = withoutTypeFields(manifest);
  const constraints = leaves(withoutIdentity(expected));
  if (query.name !== undefined) {
    const found = await ctx.get({ apiVersion: query.apiVersion, kind: query.kind, namespace: query.namespace, name: query.name });
    if (!found || matchPartial(expected, found).length > 0) return passed;
    const what = objectText(query.kind, found);
    return failed(constraints.length === 0 ? `${what} exists, but it should not` : `${what} should not have ${constraints.join(", ")}, but it does`);
  }
  const offenders = (await ctx.list(query)).filter((o) => matchPartial(expected, o).length === 0);
  if (offenders.length === 0) return passed;
  const more = offenders.length > 1 ? ` (and ${offenders.length - 1} more)` : "";
  const having = constraints.length === 0 ? "" : ` having ${constraints.join(", ")}`;
  return failed(`${objectText(query.kind, offenders[0]!)} should not exist${more}; expected no ${queryText(query)}${having}`);
}

function withoutIdentity(manifest: Record<string, unknown>): Record<string, unknown> {
  const metadata = manifest.metadata;
  if (typeof metadata !== "object" || metadata === null) return manifest;
  const { name: _name, namespace: _namespace, labels: _labels, ...rest } = metadata as Record<string, unknown>;
  return Object.keys(rest).length === 0 ? omit(manifest, "metadata") : { ...manifest, metadata: rest };
}

function omit(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = record;
  return rest;
}

/** The author's constraints as `path: value` pairs, at most three, for "should not have ..." messages. */
function leaves(value: unknown, path = "", out: string[] = []): string[] {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, childPath(path, k), out);
  } else if (path !== "") {
    out.push(`${path}: ${renderValue(value)}`);
  }
  return out.slice(0, 3);
}
