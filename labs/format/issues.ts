/**
 * Turns zod's structural issues into Praxis messages: "unknown field `sumary` in metadata; did you mean
 * `summary`?", "missing required field `title` in steps[0]", "metadata.difficulty: `expert` is not one of
 * beginner, intermediate, advanced". zod's own wording is generic; authors need the field, the place and a fix.
 */
import type { z } from "zod";
import { finding, pathText, type Finding } from "./finding";
import type { DataPath } from "./positions";
import { field } from "./raw";
import { knownKeysAt } from "./schema-walk";
import { didYouMean } from "./suggest";
import { CHECK_KINDS, PLANNED_CHECK_KINDS } from "./v1alpha1";

type Issue = z.core.$ZodIssue & { input?: unknown };

export function issueFindings(schema: z.ZodType, data: unknown, issues: readonly Issue[]): Finding[] {
  return issues.flatMap((issue) => describe(schema, data, issue));
}

function describe(schema: z.ZodType, data: unknown, issue: Issue): Finding[] {
  const path = issue.path as DataPath;
  const at = pathText(path);
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeysAt(schema, path, data);
      const where = path.length === 0 ? "the lab" : at;
      return issue.keys.map((key) =>
        finding([...path, key], `unknown field \`${key}\` in ${where}${didYouMean(key, known)}`, "key"),
      );
    }
    case "invalid_type": {
      if (issue.input === undefined) {
        const parent = path.slice(0, -1);
        const where = parent.length === 0 ? "" : ` in ${pathText(parent)}`;
        return [finding(parent, `missing required field \`${String(path[path.length - 1])}\`${where}`)];
      }
      if (issue.input === null) return [finding(path, `${at}: has no value; expected ${expected(issue.expected)}`)];
      const hint = FIELD_HINTS[String(path[path.length - 1])];
      if (hint && issue.expected === "string") return [finding(path, `${at}: ${hint}, got ${kindOf(issue.input)}`)];
      return [finding(path, `${at}: must be ${expected(issue.expected)}, got ${kindOf(issue.input)}${quoteHint(issue.expected, issue.input)}`)];
    }
    case "too_small":
      return [finding(path, `${at}: ${tooSmall(issue)}`)];
    case "too_big":
      return [finding(path, `${at}: must be at most ${String(issue.maximum)}${issue.origin === "array" ? " items" : ""}`)];
    case "invalid_value":
      return [finding(path, `${at}: ${invalidValue(path, issue.values, issue.input)}`)];
    case "invalid_union":
      if ("discriminator" in issue && issue.discriminator === "kind") return [checkKind(path, field(issue.input, "kind"))];
      return unionFailure(schema, data, issue, path);
    case "invalid_key":
      return issue.issues.map((inner) => finding(path, `${at}: name ${inner.message}`, "key"));
    default:
      // invalid_format and custom refinements carry our own wording (see v1alpha1.ts).
      return [finding(path, `${at}: ${issue.message}`)];
  }
}

function checkKind(path: DataPath, input: unknown): Finding {
  const parent = path.slice(0, -1);
  const at = pathText(path);
  const supported = CHECK_KINDS.join(", ");
  if (input === undefined) return finding(parent, `missing required field \`kind\` in ${pathText(parent)} (supported kinds: ${supported})`);
  const kind = String(input);
  if ((PLANNED_CHECK_KINDS as readonly string[]).includes(kind)) {
    return finding(path, `${at}: check kind \`${kind}\` is planned but not supported by praxis.dev/v1alpha1 yet; supported kinds: ${supported}`);
  }
  return finding(path, `${at}: unknown check kind \`${kind}\`; supported kinds: ${supported}${didYouMean(kind, CHECK_KINDS)}`);
}

/**
 * A value that fits none of a union's shapes. When it has the type of exactly one of them (a mapping where a
 * number or a mapping is allowed), the problems inside that shape are the useful ones; otherwise say which
 * types are allowed.
 */
function unionFailure(schema: z.ZodType, data: unknown, issue: Extract<Issue, { code: "invalid_union" }>, path: DataPath): Finding[] {
  const branches = issue.errors;
  const typeOnly = (branch: readonly z.core.$ZodIssue[]) => branch.length === 1 && branch[0]!.code === "invalid_type" && branch[0]!.path.length === 0;
  const fitting = branches.filter((branch) => !typeOnly(branch));
  if (fitting.length === 1) {
    return fitting[0]!.flatMap((inner) => describe(schema, data, { ...inner, path: [...path, ...inner.path] } as Issue));
  }
  const at = pathText(path);
  if (issue.message && issue.message !== "Invalid input") return [finding(path, `${at}: ${issue.message}, got ${kindOf(issue.input)}`)];
  const types = [...new Set(branches.filter(typeOnly).map((b) => expected((b[0] as { expected: string }).expected)))];
  return [finding(path, `${at}: must be ${types.join(" or ")}, got ${kindOf(issue.input)}`)];
}

function invalidValue(path: DataPath, values: readonly unknown[], input: unknown): string {
  if (values.length === 1) return `must be \`${String(values[0])}\`, got ${kindOf(input)}`;
  const text = String(input);
  if (typeof input === "string" && input.startsWith("CAP_") && values.includes(input.slice(4))) {
    return `write capabilities without the CAP_ prefix: \`${input.slice(4)}\``;
  }
  const options = values.map(String);
  if (path.includes("capabilities")) return `\`${text}\` is not a Linux capability${didYouMean(text, options)}`;
  return `\`${text}\` is not one of ${options.join(", ")}${didYouMean(text, options)}`;
}

function tooSmall(issue: Extract<Issue, { code: "too_small" }>): string {
  const min = Number(issue.minimum);
  if (issue.origin === "string") return "must not be empty";
  if (issue.origin === "array") return min === 1 ? "must have at least one item" : `must have at least ${min} items`;
  return issue.inclusive === false ? `must be greater than ${min}` : `must be at least ${min}`;
}

/** Fields whose values look like numbers to YAML but must be written as strings in a given notation. */
const FIELD_HINTS: Record<string, string> = {
  timeout: 'must be a duration in quotes, such as "30s" or "2m"',
  interval: 'must be a duration in quotes, such as "1s" or "5s"',
  requestTimeout: 'must be a duration in quotes, such as "5s"',
  memory: 'must be a memory quantity in quotes, such as "512Mi" or "1Gi"',
  mode: 'must be an octal mode in quotes, such as "0644" or "0755"',
  kubernetesVersion: 'must be a Kubernetes version in quotes, such as "v1.34.4"',
};

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
};

function expected(name: string): string {
  return EXPECTED[name] ?? name;
}

function kindOf(value: unknown): string {
  if (value === null) return "an empty value";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `the string "${value}"`;
  if (typeof value === "number") return `the number ${value}`;
  return `the value ${String(value)}`;
}

function quoteHint(expectedType: string, input: unknown): string {
  return expectedType === "string" && (typeof input === "number" || typeof input === "boolean") ? " (put it in quotes)" : "";
}
