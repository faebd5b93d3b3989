/**
 * Kubernetes resource quantities ("500m", "1.5Gi", "2", "1e3"). The API server stores them in a canonical
 * form ("0.5" becomes "500m", "1024Mi" becomes "1Gi"), so a check that says `memory: 1024Mi` must still match
 * a stored "1Gi": the matcher compares quantities by value, but only inside resource lists where Kubernetes
 * itself normalises them (see isResourceListKey).
 */

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E))?$/;
const SUFFIX: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a quantity, or undefined when the text is not one. Numbers (YAML `cpu: 1`) are taken as is. */
export function parseQuantity(input: string | number): number | undefined {
  if (typeof input === "number") return Number.isFinite(input) ? input : undefined;
  const match = QUANTITY.exec(input.trim());
  if (!match) return undefined;
  const base = Number(match[1]);
  if (match[2]) return Number(`${match[1]}${match[2]}`);
  return base * (match[3] ? SUFFIX[match[3]]! : 1);
}

/** Two quantities are equal when their values agree to a part in a billion (float noise from "0.1" * 1e-3). */
export function sameQuantity(a: number, b: number): boolean {
  return a === b || Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 1e-9;
}

/** Map keys whose values are Kubernetes ResourceLists (name -> quantity), which the API server canonicalises. */
const RESOURCE_LIST_KEYS = new Set(["limits", "requests", "capacity", "allocatable", "hard", "used", "overhead"]);

export const isResourceListKey = (key: string | undefined): boolean => key !== undefined && RESOURCE_LIST_KEYS.has(key);
