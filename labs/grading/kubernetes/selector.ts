/**
 * Kubernetes label and field selectors as strings ("app=web,tier!=db", "env in (prod, staging)", "!canary",
 * "status.phase=Running"). The validator parses them at load time so a typo is reported with file:line rather
 * than as a 400 from the API server mid-lab; the fake cluster reader uses the parsed form to answer lists the
 * way the API server would.
 */

export type LabelOp = "exists" | "not-exists" | "=" | "!=" | "in" | "notin";

export interface LabelRequirement {
  key: string;
  op: LabelOp;
  values: string[];
}

export interface FieldRequirement {
  path: string;
  op: "=" | "!=";
  value: string;
}

export class SelectorError extends Error {
  override name = "SelectorError";
}

const NAME = "[A-Za-z0-9](?:[-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?";
const KEY = new RegExp(`^(?:[a-z0-9](?:[-a-z0-9.]{0,251}[a-z0-9])?/)?${NAME}$`);
const VALUE = new RegExp(`^(?:${NAME})?$`);
const REQUIREMENT = /^\s*(!?)\s*([^\s=!,()]+)\s*(?:(==|=|!=)\s*([^\s,()]*)|\s(in|notin)\s*\(([^()]*)\))?\s*$/;

/** Parses a label selector string; throws SelectorError saying which requirement is wrong and why. */
export function parseLabelSelector(text: string): LabelRequirement[] {
  return splitTopLevel(text).map((part) => {
    const match = REQUIREMENT.exec(part);
    if (!match) throw new SelectorError(`cannot read "${part.trim()}"; write key=value, key!=value, key in (a,b), key notin (a,b), key or !key`);
    const [, bang, key, op, value, setOp, setValues] = match;
    if (!KEY.test(key!)) throw new SelectorError(`"${key}" is not a valid label key`);
    if (bang && (op || setOp)) throw new SelectorError(`"!${key}" cannot be combined with an operator; write !${key} or ${key}!=value`);
    if (bang) return { key: key!, op: "not-exists" as const, values: [] };
    if (op) return { key: key!, op: op === "!=" ? ("!=" as const) : ("=" as const), values: [checkValue(value!)] };
    if (setOp) {
      const values = setValues!.split(",").map((v) => v.trim());
      return { key: key!, op: setOp as "in" | "notin", values: values.map(checkValue) };
    }
    return { key: key!, op: "exists" as const, values: [] };
  });
}

function checkValue(value: string): string {
  if (!VALUE.test(value)) throw new SelectorError(`"${value}" is not a valid label value (letters, digits, '-', '_', '.'; at most 63)`);
  return value;
}

/** Splits on commas outside parentheses: "a in (x,y),b" -> ["a in (x,y)", "b"]. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  if (parts.some((p) => p.trim() === "")) throw new SelectorError("has an empty requirement (check the commas)");
  return parts;
}

export function labelsMatch(requirements: readonly LabelRequirement[], labels: Readonly<Record<string, string>>): boolean {
  return requirements.every(({ key, op, values }) => {
    const has = Object.hasOwn(labels, key);
    const value = labels[key];
    switch (op) {
      case "exists":
        return has;
      case "not-exists":
        return !has;
      case "=":
        return has && value === values[0];
      case "!=":
        return !has || value !== values[0];
      case "in":
        return has && values.includes(value!);
      case "notin":
        return !has || !values.includes(value!);
    }
  });
}

const FIELD = /^\s*([A-Za-z][A-Za-z0-9.]*)\s*(==|=|!=)\s*([^,=!\s]*)\s*$/;

export function parseFieldSelector(text: string): FieldRequirement[] {
  return text.split(",").map((part) => {
    const match = FIELD.exec(part);
    if (!match) throw new SelectorError(`cannot read "${part.trim()}"; write field=value or field!=value, such as status.phase=Running`);
    return { path: match[1]!, op: match[2] === "!=" ? "!=" : "=", value: match[3]! };
  });
}

/** Field selectors compare the text form of a field; a missing field reads as "". */
export function fieldsMatch(requirements: readonly FieldRequirement[], object: unknown): boolean {
  return requirements.every(({ path, op, value }) => {
    let current: unknown = object;
    for (const part of path.split(".")) current = typeof current === "object" && current !== null ? (current as Record<string, unknown>)[part] : undefined;
    const text = current === undefined || current === null ? "" : typeof current === "object" ? JSON.stringify(current) : String(current);
    return op === "=" ? text === value : text !== value;
  });
}
