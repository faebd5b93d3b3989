/**
 * Converts a validated `kind: kubernetes` wire check into the internal KubernetesCheck: picks the form,
 * pulls the object reference out of the partial manifest, turns a labels mapping into selector text, and
 * applies the timeout, interval and weight defaults. Trusts semantic-kubernetes.ts to have checked which
 * keys go together.
 */
import { DEFAULTS } from "./defaults";
import type { KubernetesAssertion, KubernetesCheck, KubernetesCondition } from "./types";
import { parseDuration } from "./units";
import type { WireCheck } from "./v1alpha1";

type WireKubernetesCheck = Extract<WireCheck, { kind: "kubernetes" }>;
type WireCondition = NonNullable<WireKubernetesCheck["every"]>;

export function convertKubernetesCheck(wire: WireKubernetesCheck, name: string): KubernetesCheck {
  return {
    kind: "kubernetes",
    name,
    assertion: assertionOf(wire),
    timeoutMs: parseDuration(wire.timeout ?? DEFAULTS.checkTimeout)!,
    intervalMs: parseDuration(wire.interval ?? DEFAULTS.kubernetesCheckInterval)!,
    weight: wire.weight ?? DEFAULTS.checkWeight,
  };
}

function assertionOf(wire: WireKubernetesCheck): KubernetesAssertion {
  if (wire.match) {
    const { apiVersion, kind, metadata } = wire.match;
    const object = { apiVersion, kind, ...(metadata?.namespace && { namespace: metadata.namespace }), name: metadata?.name ?? "" };
    return { form: "match", object, manifest: wire.match };
  }
  if (wire.absent) {
    const { apiVersion, kind, metadata } = wire.absent;
    const labels = metadata?.labels && Object.keys(metadata.labels).length > 0 ? labelSelectorText(metadata.labels) : undefined;
    const query = {
      apiVersion,
      kind,
      ...(metadata?.namespace && { namespace: metadata.namespace }),
      ...(metadata?.name && { name: metadata.name }),
      ...(labels && { labelSelector: labels }),
    };
    return { form: "absent", query, manifest: wire.absent };
  }
  if (wire.select) {
    const { labelSelector, ...rest } = wire.select;
    const query = { ...rest, ...(labelSelector !== undefined && { labelSelector: typeof labelSelector === "string" ? labelSelector : labelSelectorText(labelSelector) }) };
    const count = countOf(wire.count);
    return {
      form: "select",
      query,
      ...(wire.every !== undefined && { every: condition(wire.every) }),
      ...(wire.any !== undefined && { any: condition(wire.any) }),
      ...(count && { count }),
    };
  }
  if (wire.object && wire.expr !== undefined) {
    return { form: "expr", object: wire.object, expressions: typeof wire.expr === "string" ? [wire.expr] : wire.expr };
  }
  throw new Error("convertLab called with an unvalidated kubernetes check");
}

function condition(wire: WireCondition): KubernetesCondition {
  return typeof wire === "string" ? { expr: wire } : { partial: wire };
}

/** {app: web, tier: db} -> "app=web,tier=db": the label selector that requires exactly these labels. */
export function labelSelectorText(labels: Readonly<Record<string, string>>): string {
  return Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(",");
}

type Count = Extract<KubernetesAssertion, { form: "select" }>["count"];

function countOf(wire: WireKubernetesCheck["count"]): Count {
  if (wire === undefined) return undefined;
  if (typeof wire === "number") return { min: wire, max: wire };
  return {
    ...(wire.min !== undefined && { min: wire.min }),
    ...(wire.max !== undefined && { max: wire.max }),
    ...(wire.matching !== undefined && { matching: condition(wire.matching) }),
  };
}
