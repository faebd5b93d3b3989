/**
 * Rules that relate several values of a lab, checked after (and independently of) the structural schema:
 * the id matches the folder, host and step names are unique, every host reference names a real host, each
 * script has exactly one of `script`/`run`, privileged hosts do not also list capabilities, and every file the
 * lab references exists in the lab directory; kubernetes checks have their own rules (semantic-kubernetes.ts),
 * as do container, file and http checks (semantic-host-checks.ts), and a host's web service ports are unique.
 * It also returns the text files the converter will need.
 */
import { DEFAULTS } from "./defaults";
import { finding, pathText, type Finding } from "./finding";
import type { DataPath } from "./positions";
import { field, isRecord, list, text } from "./raw";
import { didYouMean } from "./suggest";
import { checkGrading } from "./semantic-grading";
import { checkHostCheckRules, HOST_CHECK_KINDS } from "./semantic-host-checks";
import { checkKubernetesCheck } from "./semantic-kubernetes";
import { normaliseRelative, type LabTree } from "./tree";

export interface SemanticInput {
  data: unknown;
  /** Name of the folder holding lab.yaml; metadata.id must equal it. */
  dirName: string;
  tree: LabTree;
}

export interface SemanticResult {
  findings: Finding[];
  /** Normalised relative paths of Markdown pages and scripts to read (only meaningful without findings). */
  textFiles: string[];
}

export function checkSemantics({ data, dirName, tree }: SemanticInput): SemanticResult {
  const findings: Finding[] = [];
  const textFiles = new Set<string>();
  const report = (path: DataPath, message: string, at: "key" | "value" = "value", offset?: number) =>
    findings.push({ ...finding(path, message, at), ...(offset !== undefined && { offset }) });

  /** A referenced file: must be a safe relative path to an existing entry of the wanted type. */
  const requireFile = (path: DataPath, written: unknown, what: "file" | "file or directory" = "file") => {
    const value = text(written);
    if (value === undefined || value === "") return;
    const normalised = normaliseRelative(value);
    if (!normalised.ok) return report(path, `${pathText(path)}: ${normalised.problem}`);
    const entry = tree.get(normalised.path);
    if (!entry) return report(path, `${pathText(path)}: file not found: ${normalised.path} (relative to the lab directory)`);
    if (what === "file" && entry.type !== "file") return report(path, `${pathText(path)}: ${normalised.path} is a directory, expected a file`);
    if (entry.type === "file" && what === "file") textFiles.add(normalised.path);
  };

  const id = text(field(field(data, "metadata"), "id"));
  if (id !== undefined && id !== dirName) {
    report(["metadata", "id"], `metadata.id: \`${id}\` must equal the lab's folder name \`${dirName}\``);
  }

  const hostNames = checkHosts(field(data, "environment"), report, requireFile);
  const hasCluster = isRecord(field(field(data, "environment"), "cluster"));

  /** A `host:` naming a host of the environment; required when there are several. */
  const hostRef = (path: DataPath, value: Record<string, unknown>) => {
    const host = text(value.host);
    if (host !== undefined) {
      if (hostNames && !hostNames.includes(host)) {
        report([...path, "host"], `${pathText([...path, "host"])}: unknown host \`${host}\`; hosts are ${hostNames.join(", ")}${didYouMean(host, hostNames)}`);
      }
    } else if (value.host === undefined && hostNames && hostNames.length > 1) {
      report(path, `${pathText(path)}: \`host\` is required because the environment has ${hostNames.length} hosts (${hostNames.join(", ")})`);
    }
  };

  const scriptRef = (path: DataPath, value: unknown, hostImplied: boolean) => {
    if (!isRecord(value)) return;
    const hasScript = value.script !== undefined;
    const hasRun = value.run !== undefined;
    if (hasScript === hasRun) {
      report(path, `${pathText(path)}: ${hasScript ? "set only one of `script` and `run`" : "needs `script` (a file) or `run` (inline commands)"}`);
    }
    if (hasScript) requireFile([...path, "script"], value.script);
    if (!hostImplied) hostRef(path, value);
  };

  list(field(field(data, "environment"), "hosts")).forEach((host, h) => {
    list(field(host, "setup")).forEach((s, i) => scriptRef(["environment", "hosts", h, "setup", i], s, true));
  });

  for (const key of ["intro", "finish"] as const) {
    const value = field(data, key);
    if (value !== undefined) requireFile([key], value);
    else if (tree.get(DEFAULTS[key])?.type === "file") textFiles.add(DEFAULTS[key]);
  }

  const stepIds = new Map<string, number>();
  list(field(data, "steps")).forEach((step, s) => {
    const base: DataPath = ["steps", s];
    const stepId = text(field(step, "id"));
    if (stepId !== undefined) {
      const first = stepIds.get(stepId);
      if (first !== undefined) report([...base, "id"], `${pathText([...base, "id"])}: duplicate step id \`${stepId}\` (also used by steps[${first}])`);
      else stepIds.set(stepId, s);
    }
    const instructions = field(step, "instructions");
    if (instructions !== undefined) requireFile([...base, "instructions"], instructions);
    else if (stepId !== undefined && /^[a-z0-9-]+$/.test(stepId)) {
      // Invalid ids are reported by the schema; guessing a path from them would only add noise.
      const fallback = DEFAULTS.instructions(stepId);
      if (tree.get(fallback)?.type === "file") textFiles.add(fallback);
      else report([...base, "id"], `${pathText(base)}: instructions not found: expected ${fallback}, or set \`instructions:\` to the step's Markdown file`);
    }
    if (field(step, "solution") !== undefined) requireFile([...base, "solution"], field(step, "solution"));
    list(field(step, "setup")).forEach((x, i) => scriptRef([...base, "setup", i], x, false));
    // Other check kinds are reported by the schema.
    list(field(step, "checks")).forEach((x, i) => {
      if (field(x, "kind") === "script") scriptRef([...base, "checks", i], x, false);
      if (field(x, "kind") === "kubernetes") checkKubernetesCheck([...base, "checks", i], x, hasCluster, report);
      if (isRecord(x) && (HOST_CHECK_KINDS as readonly unknown[]).includes(x.kind)) {
        hostRef([...base, "checks", i], x);
        checkHostCheckRules([...base, "checks", i], x, report);
      }
    });
    if (field(step, "solve") !== undefined) scriptRef([...base, "solve"], field(step, "solve"), false);
  });

  checkGrading(field(data, "grading"), hostNames, hasCluster, report);

  return { findings, textFiles: [...textFiles].sort() };
}

type Report = (path: DataPath, message: string, at?: "key" | "value", offset?: number) => void;
type RequireFile = (path: DataPath, written: unknown, what?: "file" | "file or directory") => void;

/** Host-level rules; returns the host names (undefined when they cannot be known, to avoid noise). */
function checkHosts(environment: unknown, report: Report, requireFile: RequireFile): string[] | undefined {
  if (environment === undefined) return [DEFAULTS.hostName];
  const hosts = field(environment, "hosts");
  if (!Array.isArray(hosts)) return undefined;
  const names = new Map<string, number>();
  hosts.forEach((host, h) => {
    const base: DataPath = ["environment", "hosts", h];
    const name = text(field(host, "name"));
    if (name !== undefined) {
      const first = names.get(name);
      if (first !== undefined) report([...base, "name"], `${pathText([...base, "name"])}: duplicate host name \`${name}\` (also used by environment.hosts[${first}])`);
      else names.set(name, h);
    }
    if (field(host, "privileged") === true && list(field(host, "capabilities")).length > 0) {
      report([...base, "capabilities"], `${pathText(base)}: \`privileged: true\` already grants every capability; remove \`capabilities\``, "key");
    }
    const ports = new Map<unknown, number>();
    list(field(host, "ports")).forEach((port, p) => {
      const number = field(port, "port");
      if (typeof number !== "number") return;
      const first = ports.get(number);
      if (first !== undefined) report([...base, "ports", p, "port"], `${pathText([...base, "ports", p, "port"])}: port ${number} is already listed as ports[${first}]`);
      else ports.set(number, p);
    });
    const targets = new Map<string, number>();
    list(field(host, "files")).forEach((file, f) => {
      requireFile([...base, "files", f, "source"], field(file, "source"), "file or directory");
      const target = text(field(file, "target"));
      if (target === undefined) return;
      const first = targets.get(target);
      if (first !== undefined) report([...base, "files", f, "target"], `${pathText([...base, "files", f, "target"])}: target ${target} is already written by files[${first}]`);
      else targets.set(target, f);
    });
  });
  return [...names.keys()];
}
