/**
 * How values and places in an object are written in learner-facing messages: JSON-like and short
 * (`"nginx:1.25"`, `3`, `{name: "web", image: "nginx"}`), with paths such as
 * `spec.template.spec.containers[name=web].image` or `metadata.labels["app.kubernetes.io/name"]`.
 */

const MAX_VALUE_CHARS = 80;

/** A compact rendering of any JSON value; strings keep their quotes so "3" and 3 look different. */
export function renderValue(value: unknown): string {
  const text = render(value, 0);
  return text.length <= MAX_VALUE_CHARS ? text : `${text.slice(0, MAX_VALUE_CHARS - 1)}…`;
}

function render(value: unknown, depth: number): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null || typeof value !== "object") return String(value);
  if (depth > 3) return Array.isArray(value) ? "[…]" : "{…}";
  if (Array.isArray(value)) return `[${value.map((v) => render(v, depth + 1)).join(", ")}]`;
  return `{${Object.entries(value).map(([k, v]) => `${keyText(k)}: ${render(v, depth + 1)}`).join(", ")}}`;
}

/** "a string", "a number", "a list", … — for messages about a value of the wrong type. */
export function typeName(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return typeof value === "number" ? "a number" : typeof value === "boolean" ? "true or false" : "a string";
}

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

function keyText(key: string): string {
  return PLAIN_KEY.test(key) ? key : JSON.stringify(key);
}

/** Appends a map key to a path: `spec` + `replicas` -> `spec.replicas`; odd keys are bracketed and quoted. */
export function childPath(path: string, key: string): string {
  if (!PLAIN_KEY.test(key)) return `${path}[${JSON.stringify(key)}]`;
  return path === "" ? key : `${path}.${key}`;
}

/** Caps a learner-facing message; checks report one line or a few, never a wall of text. */
export function capMessage(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
