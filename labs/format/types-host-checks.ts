/**
 * The internal model of the three check kinds that look at one host from the outside, without a script
 * the author writes: `container` (how a container or process is confined), `file` (a file's existence,
 * text, parsed content, mode and owner) and `http` (a request made from the host). Like kubernetes checks
 * they are polled until they hold or `timeoutMs` passes. Part of the Check union in types.ts; kept in their
 * own file so types.ts stays readable. Fully defaulted: consumers never see an optional that has a default.
 */

/** Which process's confinement a container check reads. */
export type ContainerSubject =
  /** The host itself (its PID 1). */
  | { kind: "host" }
  /** The oldest process in the host whose name (comm) is `name`. */
  | { kind: "process"; name: string }
  /** A container the learner started inside the host (read with `docker inspect` there). */
  | { kind: "container"; name: string };

/** What a container check expects; only the listed fields are compared. */
export interface ContainerExpectation {
  /** Only for `container` subjects: whether it is running. */
  running?: boolean;
  /** Image reference; "nginx" equals "docker.io/library/nginx:latest". Not for `process` subjects. */
  image?: string;
  /** Effective user: a numeric uid ("1000") or a user name ("nginx"). */
  user?: string;
  /** The effective uid is not 0. */
  runAsNonRoot?: boolean;
  readOnlyRootfs?: boolean;
  privileged?: boolean;
  noNewPrivileges?: boolean;
  /**
   * The capability bounding set (what `--cap-add`/`--cap-drop` control): every `add` is in it, no `drop` is
   * (`ALL` in drop: nothing beyond `add`). Names without the CAP_ prefix.
   */
  capabilities?: { add: string[]; drop: string[] };
  /** Environment variables that must have these values (null: must not be set). */
  env?: Record<string, string | null>;
}

export interface ContainerCheck {
  kind: "container";
  name: string;
  host: string;
  subject: ContainerSubject;
  expect: ContainerExpectation;
  /** How long to keep trying; also the hard limit for the whole check. */
  timeoutMs: number;
  intervalMs: number;
  weight: number;
}

/** Parsed content of a file or response body: valid YAML/JSON, optionally containing a partial document. */
export interface StructuredExpectation {
  format: "yaml" | "json";
  /** Partial document (lists match in any order); omitted when the content only has to parse. */
  partial?: unknown;
}

export interface FileExpectation {
  exists: boolean;
  type?: "file" | "directory";
  /** Permission bits, e.g. 0o644. */
  mode?: number;
  /** Each part is a name or a numeric id; either may be omitted. */
  owner?: { user?: string; group?: string };
  /** Substrings that must all occur. */
  contains: string[];
  /** Regular expressions (JavaScript syntax, `m` flag) that must all match somewhere. */
  matches: string[];
  parsed?: StructuredExpectation;
}

export interface FileCheck {
  kind: "file";
  name: string;
  host: string;
  /** Absolute path inside the host. */
  path: string;
  expect: FileExpectation;
  timeoutMs: number;
  intervalMs: number;
  weight: number;
}

export interface HttpRequestSpec {
  /** Upper-case method, e.g. "GET". */
  method: string;
  /** Absolute http:// or https:// URL, resolved from inside the host. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Deadline of one request. */
  timeoutMs: number;
}

export interface HttpExpectation {
  /** Accepted status codes; empty: any 2xx. */
  status: number[];
  contains: string[];
  matches: string[];
  json?: Omit<StructuredExpectation, "format">;
  /** Header name (any case) -> text its value must contain, or null: the header must be absent. */
  headers: Record<string, string | null>;
}

export interface HttpCheck {
  kind: "http";
  name: string;
  /** The host the request is made from. */
  host: string;
  request: HttpRequestSpec;
  expect: HttpExpectation;
  timeoutMs: number;
  intervalMs: number;
  weight: number;
}

export type HostCheck = ContainerCheck | FileCheck | HttpCheck;
