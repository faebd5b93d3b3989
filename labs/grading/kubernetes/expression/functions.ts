/**
 * The few functions check expressions may call. Kept deliberately small: each one answers a question lab
 * authors actually ask about cluster state, and none can loop, allocate much or reach outside the object.
 */
import { parseQuantity } from "../quantity";
import type { Value } from "./evaluate";

export interface FunctionSpec {
  arity: number;
  /** True when the argument must be a path (has() asks about presence, so a literal makes no sense). */
  pathArgument?: boolean;
  call(args: Value[]): Value;
  usage: string;
}

export const FUNCTIONS: Record<string, FunctionSpec> = {
  len: {
    arity: 1,
    usage: "len(list, map or string): its length; 0 when the field is not set",
    call: ([x]) => {
      if (Array.isArray(x) || typeof x === "string") return x.length;
      if (x !== null && typeof x === "object") return Object.keys(x).length;
      return x === undefined || x === null ? 0 : undefined;
    },
  },
  has: {
    arity: 1,
    pathArgument: true,
    usage: "has(path): true when the field is set",
    call: ([x]) => x !== undefined && x !== null,
  },
  contains: {
    arity: 2,
    usage: "contains(list or string, value): true when the list has the value or the string contains it",
    call: ([haystack, needle]) => {
      if (typeof haystack === "string") return typeof needle === "string" && haystack.includes(needle);
      if (Array.isArray(haystack)) return haystack.some((item) => item === needle);
      return false;
    },
  },
  startsWith: {
    arity: 2,
    usage: "startsWith(string, prefix)",
    call: ([text, prefix]) => typeof text === "string" && typeof prefix === "string" && text.startsWith(prefix),
  },
  quantity: {
    arity: 1,
    usage: 'quantity("512Mi"): a Kubernetes quantity as a number, so that quantity(x) <= quantity("1Gi") compares sizes',
    call: ([x]) => (typeof x === "string" || typeof x === "number" ? parseQuantity(x) : undefined),
  },
};
