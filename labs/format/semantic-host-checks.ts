/**
 * Cross-field rules of `container`, `file` and `http` checks, run by semantic.ts (which also checks their
 * `host` like any other host reference): each check says something to check, keys that cannot go together
 * are not combined, every regular expression compiles, and a request's deadline fits in the check's. All of
 * it at load time with file:line, so a broken check never reaches a learner as one that cannot pass.
 */
import { pathText } from "./finding";
import type { DataPath } from "./positions";
import { field, isRecord, list } from "./raw";
import { parseDuration } from "./units";

type Report = (path: DataPath, message: string, at?: "key" | "value", offset?: number) => void;

export const HOST_CHECK_KINDS = ["container", "file", "http"] as const;

export function checkHostCheckRules(path: DataPath, check: unknown, report: Report): void {
  if (!isRecord(check)) return;
  if (check.kind === "container") containerRules(path, check, report);
  if (check.kind === "file") fileRules(path, check, report);
  if (check.kind === "http") httpRules(path, check, report);
}

function containerRules(path: DataPath, check: Record<string, unknown>, report: Report): void {
  const at = pathText(path);
  const sub = (...rest: (string | number)[]): DataPath => [...path, ...rest];
  if (check.container !== undefined && check.process !== undefined) {
    report(sub("process"), `${at}: set only one of \`container\` and \`process\``, "key");
  }
  const expect = check.expect;
  if (!isRecord(expect)) return;
  if (Object.keys(expect).length === 0) report(sub("expect"), `${at}.expect: needs at least one thing to check, such as \`user\` or \`readOnlyRootfs\``);
  if (expect.running !== undefined && check.container === undefined) {
    report(sub("expect", "running"), `${at}.expect.running: only used together with \`container\` (a host is always running)`, "key");
  }
  if (expect.image !== undefined && check.process !== undefined) {
    report(sub("expect", "image"), `${at}.expect.image: a process has no image of its own; check the host's image without \`process\``, "key");
  }
  const user = expect.user;
  if (expect.runAsNonRoot === true && (user === 0 || user === "0" || user === "root")) {
    report(sub("expect", "runAsNonRoot"), `${at}.expect: \`user: ${String(user)}\` and \`runAsNonRoot: true\` contradict each other`, "key");
  }
  const add = list(field(expect.capabilities, "add"));
  const both = list(field(expect.capabilities, "drop")).filter((c) => add.includes(c));
  if (both.length > 0) report(sub("expect", "capabilities"), `${at}.expect.capabilities: ${both.join(", ")} cannot be both added and dropped`, "key");
  if (isRecord(expect.capabilities) && add.length === 0 && list(expect.capabilities.drop).length === 0) {
    report(sub("expect", "capabilities"), `${at}.expect.capabilities: needs \`add\`, \`drop\` or both`, "key");
  }
}

const CONTENT_KEYS = ["contains", "matches", "yaml", "json"] as const;

function fileRules(path: DataPath, check: Record<string, unknown>, report: Report): void {
  const at = pathText(path);
  const sub = (...rest: (string | number)[]): DataPath => [...path, ...rest];
  if (check.exists === false) {
    const others = ["type", "mode", "owner", ...CONTENT_KEYS].filter((k) => check[k] !== undefined);
    if (others.length > 0) report(sub(others[0]!), `${at}: \`exists: false\` cannot be combined with \`${others.join("`, `")}\` (a missing file has none)`, "key");
  }
  if (check.yaml !== undefined && check.json !== undefined) report(sub("json"), `${at}: set only one of \`yaml\` and \`json\``, "key");
  if (check.type === "directory") {
    const content = CONTENT_KEYS.filter((k) => check[k] !== undefined);
    if (content.length > 0) report(sub(content[0]!), `${at}: a directory has no content to check with \`${content.join("`, `")}\``, "key");
  }
  patterns(sub("matches"), check.matches, report);
}

function httpRules(path: DataPath, check: Record<string, unknown>, report: Report): void {
  const at = pathText(path);
  const sub = (...rest: (string | number)[]): DataPath => [...path, ...rest];
  const expect = check.expect;
  patterns(sub("expect", "matches"), field(expect, "matches"), report);
  if (check.method === "HEAD" && isRecord(expect)) {
    const body = ["contains", "matches", "json"].filter((k) => expect[k] !== undefined);
    if (body.length > 0) report(sub("expect", body[0]!), `${at}.expect: a HEAD response has no body to check with \`${body.join("`, `")}\``, "key");
  }
  // GET with a body is legal HTTP but rarely meant: ask for the method explicitly rather than guess.
  if (check.method === undefined && check.body !== undefined) {
    report(sub("body"), `${at}: a request with a \`body\` needs \`method\` (such as POST or PUT); the default is GET`, "key");
  }
  const request = typeof check.requestTimeout === "string" ? parseDuration(check.requestTimeout) : undefined;
  const total = typeof check.timeout === "string" ? parseDuration(check.timeout) : undefined;
  if (request !== undefined && total !== undefined && request > total) {
    report(sub("requestTimeout"), `${at}.requestTimeout: ${String(check.requestTimeout)} is longer than the check's timeout (${String(check.timeout)})`);
  }
}

/** Every pattern (one or a list) must compile; the engine's reason is reported at the pattern. */
function patterns(path: DataPath, value: unknown, report: Report): void {
  const each: [DataPath, unknown][] = Array.isArray(value) ? value.map((v, i) => [[...path, i], v]) : [[path, value]];
  for (const [where, pattern] of each) {
    if (typeof pattern !== "string" || pattern === "") continue;
    try {
      new RegExp(pattern, "m");
    } catch (error) {
      const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "");
      report(where, `${pathText(where)}: invalid regular expression: ${reason}`);
    }
  }
}
