/**
 * The internal, fully defaulted lab model: what the rest of Praxis (site, runner, grader) codes against.
 * It is produced from the versioned wire format (lab.yaml, apiVersion praxis.dev/v1alpha1) by the loader,
 * after strict parsing, validation and defaulting, so consumers never deal with optional fields that have a
 * sensible default, relative paths, or YAML quirks. A Lab carries the raw Markdown of every page and the text
 * of every script, so a consumer can render or run it without touching the disk again.
 */

import type { HostCheck } from "./types-host-checks";

export type * from "./types-host-checks";

export type Difficulty = "beginner" | "intermediate" | "advanced";

export interface LabMetadata {
  /** DNS label, equal to the lab's folder name. */
  id: string;
  title: string;
  summary: string;
  topics: string[];
  difficulty: Difficulty;
  estimatedMinutes: number;
  /** Free-text Markdown lines shown before the lab starts. */
  prerequisites: string[];
}

/** A Markdown page that lives in its own file. */
export interface MarkdownPage {
  /** Path relative to the lab directory, with forward slashes (e.g. "steps/explore/index.md"). */
  path: string;
  markdown: string;
}

/** A shell script, either from a file in the lab or written inline in lab.yaml (`run:`). */
export interface ScriptSource {
  /** Relative path for file scripts; undefined for inline ones. */
  path?: string;
  /** The script text. Inline scripts are run with `bash -eo pipefail`-compatible shells; see AUTHORING.md. */
  content: string;
}

/** A script that runs on one host of the environment. */
export interface HostScript {
  /** A host name from environment.hosts (defaulted when the lab has exactly one host). */
  host: string;
  script: ScriptSource;
  timeoutMs: number;
}

export interface ScriptCheck {
  kind: "script";
  /** Optional human label ("hello.txt exists"); defaults to "Check <n>". */
  name: string;
  host: string;
  script: ScriptSource;
  timeoutMs: number;
  /** How many more times a failing script is run, `intervalMs` apart (0: once). */
  retries: number;
  intervalMs: number;
  /** Relative weight when a step has several checks; >= 1. */
  weight: number;
}

/** Which object a kubernetes check reads. `namespace` is omitted for cluster-scoped kinds (the reader then
 * uses "default" for namespaced ones). */
export interface KubernetesObjectRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Which objects a `select` check lists; selectors use Kubernetes syntax ("app=web,tier!=db"). */
export interface KubernetesSelection {
  apiVersion: string;
  kind: string;
  /** Omitted: every namespace. */
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

/** A condition on one object: a partial manifest it must contain, or an expression that must be true. */
export type KubernetesCondition = { partial: Record<string, unknown> } | { expr: string };

/** The four forms of a kubernetes check (AUTHORING.md, "Kubernetes checks"). */
export type KubernetesAssertion =
  /** The object exists and contains `manifest` (a partial manifest; lists match in any order). */
  | { form: "match"; object: KubernetesObjectRef; manifest: Record<string, unknown> }
  /** No object matches `manifest`: by name when it has metadata.name, else among all objects of the kind. */
  | { form: "absent"; query: KubernetesSelection & { name?: string }; manifest: Record<string, unknown> }
  /** Objects found by selectors meet every given constraint. */
  | {
      form: "select";
      query: KubernetesSelection;
      every?: KubernetesCondition;
      any?: KubernetesCondition;
      count?: { min?: number; max?: number; matching?: KubernetesCondition };
    }
  /** The object exists and every expression is true for it. */
  | { form: "expr"; object: KubernetesObjectRef; expressions: string[] };

/** A check graded by reading cluster state through the API server, polled until it holds or times out. */
export interface KubernetesCheck {
  kind: "kubernetes";
  /** Optional human label; defaults to "Check <n>". */
  name: string;
  assertion: KubernetesAssertion;
  /** How long to keep trying before reporting the last failure. */
  timeoutMs: number;
  /** Pause between attempts. */
  intervalMs: number;
  weight: number;
}

/**
 * Every check kind (container, file and http checks: types-host-checks.ts); switch on `kind` and keep an
 * exhaustive `never` default so the compiler points at every place that needs a new case.
 */
export type Check = ScriptCheck | KubernetesCheck | HostCheck;
export type CheckKind = Check["kind"];

export interface Step {
  id: string;
  title: string;
  instructions: MarkdownPage;
  /** Scripts run, in order, when the learner reaches this step. */
  setup: HostScript[];
  checks: Check[];
  /** Script that solves the step (used by "show me"/tests); undefined when the author gave none. */
  solve?: HostScript;
  /** Progressive hints (Markdown), revealed one at a time. */
  hints: string[];
  solution?: MarkdownPage;
}

export interface HostResources {
  /** CPU cores (may be fractional). */
  cpus: number;
  memoryBytes: number;
  pids: number;
}

/** One file copied into a host before setup runs. Directory sources are expanded into one entry per file. */
export interface HostFile {
  /** Path relative to the lab directory, forward slashes. */
  source: string;
  /** Absolute path of the source on disk (the runner reads the bytes from here). */
  sourcePath: string;
  /** Absolute target path inside the host. */
  target: string;
  /** Unix permission bits, e.g. 0o644. */
  mode: number;
}

export interface Host {
  /** DNS label, unique in the lab; also the container hostname and network alias. */
  name: string;
  image: string;
  privileged: boolean;
  /** Extra Linux capabilities (without the CAP_ prefix), added to the runner's minimal default set. */
  capabilities: string[];
  resources: HostResources;
  env: Record<string, string>;
  files: HostFile[];
  workingDir: string;
  /** Whether the learner gets a terminal tab for this host. */
  terminal: boolean;
  /** Absolute paths the in-browser editor may open (empty: no editor for this host). */
  editorPaths: string[];
  /** Scripts run once while the environment is provisioned, before the first step's setup. */
  setup: HostScript[];
  /** Web services in this host, shown to the learner as tabs (proxied by the web app). */
  ports: HostPort[];
}

/** A web service a host exposes to the learner. */
export interface HostPort {
  port: number;
  /** Tab label, e.g. "Web app". */
  name: string;
  /** Path the tab opens, starting with "/" (default "/"). */
  path: string;
}

export interface KindCluster {
  provider: "kind";
  nodes: number;
  /** Kubernetes version such as "v1.34.4". */
  kubernetesVersion: string;
  /** Images loaded into the cluster nodes before the lab starts. */
  preloadImages: string[];
}

export interface Environment {
  hosts: Host[];
  cluster?: KindCluster;
}

/** What `praxis grade` does with one submission file (AUTHORING.md, "Grading submissions"). */
export type SubmissionAction =
  /** Written to `to` in the host, replacing what is there. */
  | { kind: "copy"; host: string; to: string; mode: number }
  /** `kubectl apply -f` run in the host against the lab's cluster. */
  | { kind: "apply"; host: string; namespace?: string }
  /** `docker build -t tag -f <file> <context>` run in the host (it must run Docker). */
  | { kind: "build"; host: string; tag: string; context: string };

export interface SubmissionFile {
  /** Path relative to the submission directory, normalised (forward slashes, no "./"). */
  file: string;
  action: SubmissionAction;
}

export interface Grading {
  /** In the order they are applied. */
  submission: SubmissionFile[];
}

export interface Lab {
  apiVersion: "praxis.dev/v1alpha1";
  /** Absolute path of the lab directory. */
  dir: string;
  metadata: LabMetadata;
  environment: Environment;
  intro?: MarkdownPage;
  finish?: MarkdownPage;
  steps: Step[];
  /** How `praxis grade` applies a student's submission; absent when the lab is not gradable that way. */
  grading?: Grading;
}

/** A problem found while loading a lab, pointing at the offending place. Lines and columns are 1-based. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  message: string;
}
