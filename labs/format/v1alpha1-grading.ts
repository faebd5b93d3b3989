/**
 * The wire format of a lab's `grading:` section (part of v1alpha1.ts): which files of a student's
 * submission go where before `praxis grade` runs the lab's checks. Each entry names one submission file and
 * exactly one action — `copy` it into a host, `apply` it to the lab's cluster with kubectl, or `build` an
 * image from it inside a host. "Exactly one action" and host references are cross-field rules, checked in
 * semantic-grading.ts so the message can say what to change; this schema checks each value on its own.
 */
import { z } from "zod";
import { MODE_PATTERN } from "./units";
import { dnsLabel, nonEmpty } from "./wire-fields";

const host = dnsLabel("a host")
  .optional()
  .meta({ description: "Host the action runs on; may be omitted when the environment has exactly one host." });

const submissionPath = nonEmpty.meta({
  description: "Path relative to the submission directory (forward slashes, no '..').",
});

/** Image references as `docker build -t` accepts them: lowercase name, optional registry and tag. */
const IMAGE_TAG = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::\d+)?(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?$/;

export const copyActionSchema = z
  .strictObject({
    host,
    to: z.string().regex(/^\//, { error: "must be an absolute path (starting with /)" }).meta({ description: "Absolute path of the file in the host." }),
    mode: z
      .string()
      .regex(MODE_PATTERN, { error: 'must be an octal mode in quotes, such as "0644" or "0755"' })
      .optional()
      .meta({ description: 'Octal permission bits as a quoted string. Default "0644".' }),
  })
  .meta({ description: "Copy the file into a host (replacing what is there)." });

export const applyActionSchema = z
  .strictObject({
    host,
    namespace: dnsLabel("a namespace").optional().meta({ description: "Namespace for objects that do not name one. Default: the kubeconfig's (default)." }),
  })
  .meta({ description: "`kubectl apply -f` the file from a host against the lab's cluster. `apply: {}` uses every default." });

export const buildActionSchema = z
  .strictObject({
    host,
    tag: z.string().regex(IMAGE_TAG, { error: "must be an image name such as `app:1` or `shop/web:latest` (lowercase)" }).meta({ description: "Tag of the built image." }),
    context: submissionPath.optional().meta({ description: "Build context: a folder of the submission. Default: the whole submission." }),
  })
  .meta({ description: "`docker build` an image from the file (a Dockerfile) inside a host that runs Docker." });

export const submissionFileSchema = z
  .strictObject({
    file: submissionPath,
    copy: copyActionSchema.optional(),
    apply: applyActionSchema.optional(),
    build: buildActionSchema.optional(),
  })
  .meta({ description: "One submission file and what to do with it: exactly one of `copy`, `apply` and `build`." });

export const gradingSchema = z
  .strictObject({
    submission: z.array(submissionFileSchema).min(1).meta({ description: "Applied in order before the checks run." }),
  })
  .meta({ description: "How `praxis grade` puts a student's submission into the environment before running every check." });

export type WireGrading = z.infer<typeof gradingSchema>;
export type WireSubmissionFile = z.infer<typeof submissionFileSchema>;
