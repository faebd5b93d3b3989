/**
 * Field schemas shared by the parts of the v1alpha1 wire format (v1alpha1.ts, v1alpha1-kubernetes.ts):
 * DNS labels, non-empty strings, lab-relative paths and durations, each with the wording its errors use.
 */
import { z } from "zod";
import { DEFAULTS, LIMITS } from "./defaults";
import { DURATION_PATTERN, parseDuration } from "./units";

const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

export const dnsLabel = (what: string) =>
  z.string().regex(DNS_LABEL, {
    error: `must be a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters) because it names ${what}`,
  });

export const nonEmpty = z.string().min(1);

export const relativeFile = z
  .string()
  .min(1)
  .meta({ description: "Path relative to the lab directory (forward slashes, no '..')." });

export const duration = (fallback: string) =>
  z
    .string()
    .regex(DURATION_PATTERN, { error: 'must be a duration such as "30s", "2m" or "1m30s"', abort: true })
    .refine((text) => (parseDuration(text) ?? 0) > 0 && (parseDuration(text) ?? 0) <= LIMITS.maxTimeoutMs, {
      error: "must be between 1ms and 1h",
    })
    .meta({ description: "Duration such as 30s, 2m or 1m30s.", default: fallback });

export const checkName = nonEmpty.optional().meta({ description: "Short label shown to the learner, e.g. 'hello.txt exists'." });

export const checkWeight = z.number().int().min(1).max(100).optional().meta({ default: DEFAULTS.checkWeight, description: "Relative weight when a step has several checks." });

export const absolutePath = z.string().regex(/^\//, { error: "must be an absolute path (starting with /)" });

/** A text or a list of texts, each non-empty; converted to a list. */
export const oneOrMany = (what: string) =>
  z.union([nonEmpty, z.array(nonEmpty).min(1)], { error: `must be ${what} (a string) or a list of them` });

/** The host a check runs on or from, as in script checks. */
export const checkHost = dnsLabel("a host")
  .optional()
  .meta({ description: "Host to look at (or, for http, to send the request from); may be omitted when the environment has exactly one host." });
