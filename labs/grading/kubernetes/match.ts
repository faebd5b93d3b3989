/**
 * Partial object matching, the heart of kubernetes checks: every key the author wrote must match, keys the
 * author left out are ignored, and lists match without regard to order (each expected element needs its own
 * actual element; see assign.ts). Scalars compare strictly (3 is not "3"), except quantities inside resource
 * lists, which the API server canonicalises ("1024Mi" is stored as "1Gi"). `null` means "must not be set".
 * A failure lists every differing field with its path, and for an unmatched list element it reports the
 * differences of the closest candidate, naming elements by `name`/`type`/`key` when they have one.
 */
import { maxAssignment } from "./assign";
import { isResourceListKey, parseQuantity, sameQuantity } from "./quantity";
import { childPath, renderValue, typeName } from "./values";

export interface Mismatch {
  /** Where in the object, e.g. "spec.template.spec.containers[name=web].image" ("" for the object itself). */
  path: string;
  /** What is wrong there, e.g. 'expected "nginx:1.27", got "nginx:1.25"'. */
  problem: string;
}

const IDENTITY_KEYS = ["name", "type", "key"];

/** Every way `actual` fails to contain `expected`; empty when it matches. */
export function matchPartial(expected: unknown, actual: unknown): Mismatch[] {
  return compare(expected, actual, false);
}

function compare(expected: unknown, actual: unknown, inResourceList: boolean, key?: string): Mismatch[] {
  if (expected === null) {
    return actual === undefined || actual === null ? [] : [at("", `expected no value, got ${renderValue(actual)}`)];
  }
  if (isMap(expected)) {
    // A missing mapping is compared as an empty one, so each expected field is reported where it is missing
    // and `field: null` ("must not be set") holds.
    if (actual !== undefined && !isMap(actual)) return [at("", `expected a mapping, got ${renderValue(actual)}`)];
    const present = actual ?? {};
    const childInList = isResourceListKey(key);
    return Object.entries(expected).flatMap(([k, v]) => prefix(childPath("", k), compare(v, present[k], childInList, k)));
  }
  if (Array.isArray(expected)) {
    if (expected.length === 0 && (actual === undefined || Array.isArray(actual))) return [];
    if (!Array.isArray(actual)) {
      return [at("", actual === undefined ? "expected a list, got nothing (the field is not set)" : `expected a list, got ${renderValue(actual)}`)];
    }
    return matchList(expected, actual);
  }
  return compareScalar(expected, actual, inResourceList);
}

function compareScalar(expected: unknown, actual: unknown, inResourceList: boolean): Mismatch[] {
  if (actual === expected) return [];
  if (actual === undefined) return [at("", `expected ${renderValue(expected)}, got nothing (the field is not set)`)];
  if (inResourceList && (typeof expected === "string" || typeof expected === "number") && (typeof actual === "string" || typeof actual === "number")) {
    const e = parseQuantity(expected);
    const a = parseQuantity(actual);
    if (e !== undefined && a !== undefined && sameQuantity(e, a)) return [];
  }
  const sameType = typeName(expected) === typeName(actual);
  const problem = sameType
    ? `expected ${renderValue(expected)}, got ${renderValue(actual)}`
    : `expected ${renderValue(expected)} (${typeName(expected)}), got ${renderValue(actual)} (${typeName(actual)})`;
  return [at("", problem)];
}

function matchList(expected: unknown[], actual: unknown[]): Mismatch[] {
  const results = expected.map((e) => actual.map((a) => compare(e, a, false)));
  const assigned = maxAssignment(results.map((row) => row.map((m) => m.length === 0)), actual.length);
  const taken = new Set(assigned.filter((j) => j !== -1));
  return expected.flatMap((element, i) => {
    if (assigned[i] !== -1) return [];
    if (actual.length === 0) return [at("", `expected an element matching ${renderValue(element)}, but the list is empty`)];
    const best = closest(element, actual, results[i]!, taken);
    const label = elementLabel(element, actual[best], best);
    if (results[i]![best]!.length === 0) {
      return [at(label, `expected ${expected.length} distinct elements like ${renderValue(element)}, but this one is already matched by another expected element`)];
    }
    return prefix(label, results[i]![best]!);
  });
}

/**
 * The candidate with the fewest differences. Ties go to one with the same name/type/key, then to the one whose
 * differences are deeper (it agreed on more of the structure), then to one not already taken.
 */
function closest(element: unknown, actual: unknown[], mismatches: Mismatch[][], taken: Set<number>): number {
  const id = identity(element);
  const score = (j: number): number[] => [
    mismatches[j]!.length,
    id && identity(actual[j])?.value === id.value ? 0 : 1,
    mismatches[j]!.reduce((sum, m) => sum + 1 / depth(m.path), 0),
    taken.has(j) ? 1 : 0,
  ];
  let best = 0;
  for (let j = 1; j < actual.length; j++) if (lessThan(score(j), score(best))) best = j;
  return best;
}

function lessThan(a: number[], b: number[]): boolean {
  const i = a.findIndex((x, k) => x !== b[k]);
  return i !== -1 && a[i]! < b[i]!;
}

/** How many steps into the element a path goes: "image" 1, "ports[0].containerPort" 3. */
function depth(path: string): number {
  return path === "" ? 1 : 1 + (path.match(/\.|\[/g)?.length ?? 0);
}

function identity(value: unknown): { key: string; value: string | number | boolean } | undefined {
  if (!isMap(value)) return undefined;
  for (const key of IDENTITY_KEYS) {
    const v = value[key];
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return { key, value: v };
  }
  return undefined;
}

/** `[name=web]` from the expected element (or the candidate), else the candidate's index `[2]`. */
function elementLabel(expected: unknown, candidate: unknown, index: number): string {
  const id = identity(expected) ?? identity(candidate);
  return id ? `[${id.key}=${id.value}]` : `[${index}]`;
}

const at = (path: string, problem: string): Mismatch => ({ path, problem });

function prefix(base: string, mismatches: Mismatch[]): Mismatch[] {
  return mismatches.map((m) => ({ ...m, path: joinPath(base, m.path) }));
}

export function joinPath(base: string, rest: string): string {
  if (rest === "") return base;
  if (base === "" || rest.startsWith("[")) return `${base}${rest}`;
  return `${base}.${rest}`;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
