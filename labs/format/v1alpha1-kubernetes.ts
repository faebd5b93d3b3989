/**
 * The wire format of `kind: kubernetes` checks (part of v1alpha1.ts). A check reads cluster state through
 * the API server in one of four forms: `match` (an object contains a partial manifest), `absent` (nothing
 * matches one), `select` (objects found by selectors meet `every`/`any`/`count`) and `object` + `expr` (an
 * expression over one object). Which keys may be combined is a cross-field rule, so semantic-kubernetes.ts
 * checks it and says exactly what to change; this schema only checks each value on its own.
 */
import { z } from "zod";
import { DEFAULTS } from "./defaults";
import { checkName, checkWeight, dnsLabel, duration, nonEmpty } from "./wire-fields";

const apiVersion = nonEmpty.meta({ description: "API version of the kind, e.g. v1, apps/v1 or a CRD's group/version." });
const kind = nonEmpty.meta({ description: "Kind, e.g. Pod, Deployment." });
const namespace = dnsLabel("a namespace").optional();

/** A partial manifest: apiVersion and kind, then only the fields the check cares about. */
const manifest = (description: string) =>
  z
    .looseObject({
      apiVersion,
      kind,
      metadata: z
        .looseObject({
          name: nonEmpty.optional(),
          namespace: namespace.meta({ description: "Namespace; omit for cluster-scoped kinds. Default: default (for a named object)." }),
          labels: z.record(z.string(), z.string()).optional(),
        })
        .optional(),
    })
    .meta({ description });

const condition = z
  .union([z.record(z.string(), z.unknown()), nonEmpty], { error: "must be a partial manifest (a mapping) or an expression (a string)" })
  .meta({ description: 'A partial manifest the object must contain, or an expression such as `status.phase == "Running"`.' });

const selectSchema = z
  .strictObject({
    apiVersion,
    kind,
    namespace: namespace.meta({ description: "Namespace to look in. Default: every namespace." }),
    labelSelector: z
      .union([nonEmpty, z.record(z.string(), z.string())], { error: "must be a label selector such as \"app=web\", or a mapping of labels" })
      .optional()
      .meta({ description: 'Label selector, as text ("app=web,tier!=db", "env in (a,b)") or a mapping of labels that must all be equal.' }),
    fieldSelector: nonEmpty.optional().meta({ description: 'Field selector such as "status.phase=Running".' }),
  })
  .meta({ description: "Which objects to list." });

const count = z
  .union([
    z.number().int().min(0),
    z.strictObject({
      min: z.number().int().min(0).optional(),
      max: z.number().int().min(0).optional(),
      matching: condition.optional().meta({ description: "Count only the selected objects that meet this condition." }),
    }),
  ])
  .meta({ description: "How many selected objects there must be: a number (exactly), or min and/or max, optionally of those `matching`." });

const objectRef = z
  .strictObject({ apiVersion, kind, namespace: namespace.meta({ description: "Omit for cluster-scoped kinds. Default: default." }), name: nonEmpty })
  .meta({ description: "The object the expressions read." });

export const kubernetesCheckSchema = z
  .strictObject({
    kind: z.literal("kubernetes"),
    name: checkName,
    match: manifest("The object named in metadata.name exists and contains these fields (lists match in any order).").optional(),
    absent: manifest("No object matches this partial manifest (by name, or among all objects of the kind when there is no metadata.name).").optional(),
    select: selectSchema.optional(),
    every: condition.optional().meta({ description: "With `select`: every selected object meets this (and there is at least one)." }),
    any: condition.optional().meta({ description: "With `select`: at least one selected object meets this." }),
    count: count.optional(),
    object: objectRef.optional(),
    expr: z
      .union([nonEmpty, z.array(nonEmpty).min(1)], { error: "must be an expression (a string) or a list of expressions" })
      .optional()
      .meta({ description: "With `object`: expression(s) that must all be true, e.g. `status.readyReplicas >= 2`." }),
    timeout: duration(DEFAULTS.checkTimeout).optional().meta({ description: "How long to keep trying before the check fails." }),
    interval: duration(DEFAULTS.kubernetesCheckInterval).optional().meta({ description: "Pause between two tries." }),
    weight: checkWeight,
  })
  .meta({
    description:
      "Passes when the cluster's state matches; retried until `timeout`. Use one of `match`, `absent`, `select` (with `every`, `any` or `count`) or `object` (with `expr`).",
  });
