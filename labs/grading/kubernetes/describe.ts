/**
 * How kubernetes checks name what they looked at: "Deployment default/web", "Node kind-worker",
 * "Pods in namespace default with labels app=web". Every failure message starts with one of these, so the
 * learner knows which object the problem is about before reading what is wrong with it.
 */
import type { KubeObject, ListQuery, ObjectRef } from "./reader";

export function refText(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`;
}

/** "Deployment default/web" from the object itself (its namespace may come from the server's default). */
export function objectText(kind: string, object: KubeObject): string {
  const metadata = (object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
  const namespace = typeof metadata.namespace === "string" && metadata.namespace !== "" ? `${metadata.namespace}/` : "";
  return `${kind} ${namespace}${String(metadata.name ?? "?")}`;
}

export function queryText(query: ListQuery): string {
  const parts = [plural(query.kind)];
  if (query.namespace) parts.push(`in namespace ${query.namespace}`);
  if (query.labelSelector) parts.push(`with labels ${query.labelSelector}`);
  if (query.fieldSelector) parts.push(`${query.labelSelector ? "and" : "with"} fields ${query.fieldSelector}`);
  return parts.join(" ");
}

/** English plural of a kind: Pod -> Pods, Ingress -> Ingresses, NetworkPolicy -> NetworkPolicies, Endpoints stays. */
export function plural(kind: string): string {
  if (/[^s]s$/.test(kind)) return kind;
  if (/(?:s|x|z|ch|sh)$/.test(kind)) return `${kind}es`;
  if (/[^aeiou]y$/.test(kind)) return `${kind.slice(0, -1)}ies`;
  return `${kind}s`;
}

export const count = (n: number, kind: string): string => `${n} ${n === 1 ? kind : plural(kind)}`;
