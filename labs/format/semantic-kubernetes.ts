/**
 * Cross-field rules of `kind: kubernetes` checks, run by semantic.ts: the lab must have a cluster, a check
 * uses exactly one form (`match`, `absent`, `select` or `object`) with the keys that belong to it, and every
 * expression and selector parses — so a mistake is reported at load time with file:line, never as a check
 * that fails for every learner.
 */
import { ExpressionError, parseExpression } from "../grading/kubernetes/expression/parser";
import { parseFieldSelector, parseLabelSelector, SelectorError } from "../grading/kubernetes/selector";
import { labelSelectorText } from "./convert-kubernetes";
import { pathText } from "./finding";
import type { DataPath } from "./positions";
import { field, isRecord, text } from "./raw";

type Report = (path: DataPath, message: string, at?: "key" | "value", offset?: number) => void;

const FORMS = ["match", "absent", "select", "object"] as const;
const SELECT_ONLY = ["every", "any", "count"] as const;
/** "`a`, `b` or `c`" */
function listText(keys: readonly string[], conjunction: "or" | "and"): string {
  const quoted = keys.map((k) => `\`${k}\``);
  return quoted.length <= 1 ? quoted.join("") : `${quoted.slice(0, -1).join(", ")} ${conjunction} ${quoted.at(-1)}`;
}

export function checkKubernetesCheck(path: DataPath, check: unknown, hasCluster: boolean, report: Report): void {
  if (!isRecord(check)) return;
  const at = pathText(path);
  const sub = (...rest: (string | number)[]): DataPath => [...path, ...rest];
  if (!hasCluster) report(sub("kind"), `${at}.kind: a kubernetes check needs a cluster; add \`environment.cluster\` to the lab`);

  const forms = FORMS.filter((k) => check[k] !== undefined);
  if (forms.length === 0) report(path, `${at}: needs one of ${listText(FORMS, "or")} to say what to check`);
  if (forms.length > 1) report(sub(forms[1]!), `${at}: set only one of ${listText(FORMS, "and")} (found ${listText(forms, "and")})`, "key");
  for (const key of SELECT_ONLY) {
    if (check[key] !== undefined && check.select === undefined) report(sub(key), `${at}.${key}: only used together with \`select\``, "key");
  }
  if (check.select !== undefined && SELECT_ONLY.every((k) => check[k] === undefined)) {
    report(sub("select"), `${at}: \`select\` needs ${listText(SELECT_ONLY, "or")} (or several) to say what the selected objects must be`, "key");
  }
  if (check.expr !== undefined && check.object === undefined) report(sub("expr"), `${at}.expr: only used together with \`object\` (the object it reads)`, "key");
  if (check.object !== undefined && check.expr === undefined) report(sub("object"), `${at}: \`object\` needs \`expr\`, the expression to check`, "key");
  if (isRecord(check.match) && text(field(check.match.metadata, "name")) === undefined) {
    report(sub("match"), `${at}.match: needs metadata.name; to check objects found by labels, use \`select\``, "key");
  }

  for (const [where, source] of expressions(path, check)) {
    try {
      parseExpression(source);
    } catch (error) {
      if (!(error instanceof ExpressionError)) throw error;
      report(where, `${pathText(where)}: ${error.message} (at character ${error.offset + 1} of the expression)`, "value", error.offset);
    }
  }
  checkSelectors(path, check, report);
  checkCount(sub("count"), check.count, report);
  for (const [where, condition] of conditions(path, check)) {
    // `any: {expr: "..."}` reads as "the object has a field named expr", which no object has.
    if (isRecord(condition) && Object.keys(condition).length === 1 && typeof condition.expr === "string") {
      report([...where, "expr"], `${pathText(where)}: a condition that is an expression is written as a plain string (\`${pathText(where).split(".").at(-1)}: ${condition.expr}\`), not under \`expr:\``, "key");
    }
  }
}

/** The conditions of a select check (partial manifests or expressions), with their data paths. */
function conditions(path: DataPath, check: Record<string, unknown>): [DataPath, unknown][] {
  const found: [DataPath, unknown][] = [];
  for (const key of ["every", "any"]) if (check[key] !== undefined) found.push([[...path, key], check[key]]);
  const matching = field(check.count, "matching");
  if (matching !== undefined) found.push([[...path, "count", "matching"], matching]);
  return found;
}

/** Every expression in the check with its data path: `expr` (one or a list) and string conditions. */
function expressions(path: DataPath, check: Record<string, unknown>): [DataPath, string][] {
  const found: [DataPath, string][] = [];
  if (typeof check.expr === "string") found.push([[...path, "expr"], check.expr]);
  if (Array.isArray(check.expr)) check.expr.forEach((e, i) => typeof e === "string" && found.push([[...path, "expr", i], e]));
  for (const key of ["every", "any"]) if (typeof check[key] === "string") found.push([[...path, key], check[key] as string]);
  const matching = field(check.count, "matching");
  if (typeof matching === "string") found.push([[...path, "count", "matching"], matching]);
  return found.filter(([, source]) => source !== "");
}

function checkSelectors(path: DataPath, check: Record<string, unknown>, report: Report): void {
  const attempt = (where: DataPath, what: string, parse: () => unknown) => {
    try {
      parse();
    } catch (error) {
      if (!(error instanceof SelectorError)) throw error;
      report(where, `${pathText(where)}: invalid ${what}: ${error.message}`);
    }
  };
  const labelSelector = field(check.select, "labelSelector");
  const where: DataPath = [...path, "select", "labelSelector"];
  if (typeof labelSelector === "string" && labelSelector !== "") attempt(where, "label selector", () => parseLabelSelector(labelSelector));
  if (isStringMap(labelSelector)) attempt(where, "label selector", () => parseLabelSelector(labelSelectorText(labelSelector)));
  const fieldSelector = field(check.select, "fieldSelector");
  if (typeof fieldSelector === "string" && fieldSelector !== "") {
    attempt([...path, "select", "fieldSelector"], "field selector", () => parseFieldSelector(fieldSelector));
  }
  const absentLabels = field(field(check.absent, "metadata"), "labels");
  if (isStringMap(absentLabels) && Object.keys(absentLabels).length > 0) {
    attempt([...path, "absent", "metadata", "labels"], "labels (they are used as a label selector)", () => parseLabelSelector(labelSelectorText(absentLabels)));
  }
}

function checkCount(where: DataPath, count: unknown, report: Report): void {
  if (!isRecord(count)) return;
  const { min, max } = count;
  if (min === undefined && max === undefined) report(where, `${pathText(where)}: needs \`min\`, \`max\` or both (or write a number for an exact count)`);
  if (typeof min === "number" && typeof max === "number" && min > max) report(where, `${pathText(where)}: min (${min}) is greater than max (${max})`);
}

function isStringMap(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === "string");
}
