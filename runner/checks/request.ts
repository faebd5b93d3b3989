/**
 * A check as the runner executes it: the wire form of `POST /sessions/:id/checks`, shared by the runner,
 * its HTTP client, the web app and the CLI. `checkRequest` turns a lab's check (labs/) into it, so the
 * runner itself never needs the lab: a script runs on a named host, a kubernetes assertion runs against
 * the session's cluster, and container, file and http checks look at (or send a request from) a named host.
 */
import type {
  Check,
  ContainerExpectation,
  ContainerSubject,
  FileExpectation,
  HttpExpectation,
  HttpRequestSpec,
  KubernetesAssertion,
} from "../../labs/index";

export interface ScriptCheckRequest {
  kind?: "script";
  host: string;
  script: string;
  /** Deadline of one run. */
  timeoutMs?: number;
  /** How many more times a failing script is run, `intervalMs` apart. */
  retries?: number;
  intervalMs?: number;
  env?: Record<string, string>;
}

export interface KubernetesCheckRequest {
  kind: "kubernetes";
  assertion: KubernetesAssertion;
  timeoutMs: number;
  intervalMs: number;
}

/** Polled like kubernetes checks: passes as soon as it holds, else reports the last failure at `timeoutMs`. */
interface HostCheckRequestBase {
  host: string;
  timeoutMs: number;
  intervalMs: number;
}

export interface ContainerCheckRequest extends HostCheckRequestBase {
  kind: "container";
  subject: ContainerSubject;
  expect: ContainerExpectation;
}

export interface FileCheckRequest extends HostCheckRequestBase {
  kind: "file";
  path: string;
  expect: FileExpectation;
}

export interface HttpCheckRequest extends HostCheckRequestBase {
  kind: "http";
  request: HttpRequestSpec;
  expect: HttpExpectation;
}

export type CheckRequest = ScriptCheckRequest | KubernetesCheckRequest | ContainerCheckRequest | FileCheckRequest | HttpCheckRequest;

/** What every check reports; `exitCode` and `output` only mean something for scripts. */
export interface CheckOutcome {
  passed: boolean;
  message: string;
  durationMs: number;
  exitCode?: number;
  output?: string;
}

export function checkRequest(check: Check): CheckRequest {
  switch (check.kind) {
    case "script":
      return { kind: "script", host: check.host, script: check.script.content, timeoutMs: check.timeoutMs, retries: check.retries, intervalMs: check.intervalMs };
    case "kubernetes":
      return { kind: "kubernetes", assertion: check.assertion, timeoutMs: check.timeoutMs, intervalMs: check.intervalMs };
    case "container":
      return { kind: "container", host: check.host, subject: check.subject, expect: check.expect, timeoutMs: check.timeoutMs, intervalMs: check.intervalMs };
    case "file":
      return { kind: "file", host: check.host, path: check.path, expect: check.expect, timeoutMs: check.timeoutMs, intervalMs: check.intervalMs };
    case "http":
      return { kind: "http", host: check.host, request: check.request, expect: check.expect, timeoutMs: check.timeoutMs, intervalMs: check.intervalMs };
    default: {
      const unknown: never = check;
      throw new Error(`unsupported check kind ${(unknown as { kind: string }).kind}`);
    }
  }
}

/** Client-side deadline for a request: the check's own time (every run of a retried script) plus room for the round trip. */
export function requestDeadlineMs(request: CheckRequest): number {
  const once = request.timeoutMs ?? 30_000;
  if (request.kind !== undefined && request.kind !== "script") return once + 30_000;
  const retries = request.retries ?? 0;
  return (1 + retries) * once + retries * (request.intervalMs ?? 1000) + 30_000;
}
