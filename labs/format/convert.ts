/**
 * Converts a validated v1alpha1 wire lab into the internal Lab: applies every default, turns strings such as
 * "30s", "512Mi" and "0644" into numbers, resolves implied hosts, expands directory copies into files and
 * attaches the text of every page and script (kubernetes checks: convert-kubernetes.ts). Pure: the loader hands in the directory snapshot and texts.
 * Only call it with a lab that validated without findings; it trusts the shape and the references.
 */
import { convertGrading } from "./convert-grading";
import { convertHostCheck } from "./convert-host-checks";
import { convertKubernetesCheck } from "./convert-kubernetes";
import { DEFAULTS } from "./defaults";
import { filesUnder, normaliseRelative, type LabTree } from "./tree";
import type { Check, Host, HostFile, HostScript, Lab, MarkdownPage, ScriptSource, Step } from "./types";
import { parseDuration, parseMemory, parseMode } from "./units";
import type { WireHost, WireHostScript, WireLab, WireStep } from "./v1alpha1";

export interface ConvertContext {
  /** Absolute lab directory (forward slashes). */
  dir: string;
  tree: LabTree;
  /** Relative path -> text, for every path semantic.ts listed. */
  texts: ReadonlyMap<string, string>;
}

export function convertLab(wire: WireLab, ctx: ConvertContext): Lab {
  const wireHosts: WireHost[] = wire.environment?.hosts ?? [{ name: DEFAULTS.hostName }];
  const onlyHost = wireHosts.length === 1 ? wireHosts[0]!.name : undefined;
  const cluster = wire.environment?.cluster;
  return {
    apiVersion: wire.apiVersion,
    dir: ctx.dir,
    metadata: {
      ...wire.metadata,
      topics: wire.metadata.topics ?? [],
      prerequisites: wire.metadata.prerequisites ?? [],
    },
    environment: {
      hosts: wireHosts.map((host) => convertHost(host, ctx)),
      ...(cluster && {
        cluster: {
          provider: "kind" as const,
          nodes: cluster.nodes ?? DEFAULTS.clusterNodes,
          kubernetesVersion: cluster.kubernetesVersion ?? DEFAULTS.kubernetesVersion,
          preloadImages: cluster.preloadImages ?? [],
        },
      }),
    },
    ...optionalPage("intro", wire.intro ?? DEFAULTS.intro, ctx),
    ...optionalPage("finish", wire.finish ?? DEFAULTS.finish, ctx),
    steps: wire.steps.map((step) => convertStep(step, onlyHost, ctx)),
    ...(wire.grading && { grading: convertGrading(wire.grading, onlyHost) }),
  };
}

function convertHost(host: WireHost, ctx: ConvertContext): Host {
  return {
    name: host.name,
    image: host.image ?? DEFAULTS.image,
    privileged: host.privileged ?? false,
    capabilities: host.capabilities ?? [],
    resources: {
      cpus: host.resources?.cpu ?? DEFAULTS.cpus,
      memoryBytes: parseMemory(host.resources?.memory ?? DEFAULTS.memory)!,
      pids: host.resources?.pids ?? DEFAULTS.pids,
    },
    env: host.env ?? {},
    files: (host.files ?? []).flatMap((file) => expandFile(file, ctx)),
    workingDir: host.workingDir ?? DEFAULTS.workingDir,
    terminal: host.terminal ?? DEFAULTS.terminal,
    editorPaths: host.editor?.paths ?? [],
    setup: (host.setup ?? []).map((s) => hostScript({ ...s, host: host.name }, host.name, DEFAULTS.scriptTimeout, ctx)),
    ports: (host.ports ?? []).map((p) => ({ port: p.port, name: p.name, path: p.path ?? DEFAULTS.portPath })),
  };
}

/** A directory source becomes one entry per file below it, keeping the relative layout under the target. */
function expandFile(file: NonNullable<WireHost["files"]>[number], ctx: ConvertContext): HostFile[] {
  const source = rel(file.source);
  const isDir = ctx.tree.get(source)?.type === "dir";
  return filesUnder(ctx.tree, source).map((path) => {
    const target = isDir ? `${file.target.replace(/\/+$/, "")}/${path.slice(source.length + 1)}` : file.target;
    const fallback = ctx.tree.get(path)?.executable ? DEFAULTS.executableFileMode : DEFAULTS.fileMode;
    return { source: path, sourcePath: `${ctx.dir}/${path}`, target, mode: parseMode(file.mode ?? fallback)! };
  });
}

function convertStep(step: WireStep, onlyHost: string | undefined, ctx: ConvertContext): Step {
  const checks: Check[] = (step.checks ?? []).map((check, index) => {
    const name = check.name ?? `Check ${index + 1}`;
    if (check.kind === "kubernetes") return convertKubernetesCheck(check, name);
    if (check.kind === "container" || check.kind === "file" || check.kind === "http") return convertHostCheck(check, name, onlyHost);
    const script = hostScript(check, onlyHost, DEFAULTS.checkTimeout, ctx);
    const retries = { retries: check.retries ?? 0, intervalMs: parseDuration(check.interval ?? DEFAULTS.checkInterval)! };
    return { kind: check.kind, name, ...script, ...retries, weight: check.weight ?? DEFAULTS.checkWeight };
  });
  const solution = step.solution === undefined ? undefined : page(step.solution, ctx);
  return {
    id: step.id,
    title: step.title,
    instructions: page(step.instructions ?? DEFAULTS.instructions(step.id), ctx),
    setup: (step.setup ?? []).map((s) => hostScript(s, onlyHost, DEFAULTS.scriptTimeout, ctx)),
    checks,
    ...(step.solve && { solve: hostScript(step.solve, onlyHost, DEFAULTS.scriptTimeout, ctx) }),
    hints: step.hints ?? [],
    ...(solution && { solution }),
  };
}

function hostScript(wire: WireHostScript, onlyHost: string | undefined, timeout: string, ctx: ConvertContext): HostScript {
  const script: ScriptSource =
    wire.script !== undefined ? { path: rel(wire.script), content: textOf(rel(wire.script), ctx) } : { content: wire.run ?? "" };
  return { host: wire.host ?? onlyHost ?? "", script, timeoutMs: parseDuration(wire.timeout ?? timeout)! };
}

function optionalPage(key: "intro" | "finish", written: string, ctx: ConvertContext): { intro?: MarkdownPage; finish?: MarkdownPage } {
  const path = rel(written);
  return ctx.texts.has(path) ? { [key]: page(path, ctx) } : {};
}

function page(written: string, ctx: ConvertContext): MarkdownPage {
  const path = rel(written);
  return { path, markdown: textOf(path, ctx) };
}

function rel(written: string): string {
  const result = normaliseRelative(written);
  if (!result.ok) throw new Error(`convertLab called with an unvalidated path: ${written}`);
  return result.path;
}

function textOf(path: string, ctx: ConvertContext): string {
  const content = ctx.texts.get(path);
  if (content === undefined) throw new Error(`convertLab is missing the text of ${path}`);
  return content;
}
