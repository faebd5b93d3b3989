/**
 * Converts a Killercoda scenario into the files of a Praxis lab (pure: files in, files out). The mapping:
 *   title / description              -> metadata.title / summary
 *   details.intro.text / finish.text -> intro.md / finish.md (pages rewritten by markdown.ts)
 *   details.intro background, fg     -> the host's setup scripts (run while provisioning)
 *   details.steps[]                  -> steps/<id>/: index.md, a `script` check from `verify`, setup from
 *                                       `background` then `foreground`; <details> blocks -> solution/hints
 *   details.assets.host01            -> the host's `files` (assets.ts)
 *   backend.imageid                  -> image and cluster (environment.ts)
 * Everything that has no Praxis equivalent, or behaves differently, is reported as a Note.
 */
import { stringify } from "yaml";
import { mapAssets } from "./assets";
import { environmentFor, networkNote } from "./environment";
import { convertPage } from "./markdown";
import type { Note } from "./notes";
import { InvalidScenario, parseScenario, type ScenarioPage } from "./scenario";

export interface ImportInput {
  /** The lab id: the output folder's name, a DNS label. */
  labId: string;
  /** Every file of the scenario folder, by relative path (forward slashes). */
  files: ReadonlyMap<string, Uint8Array>;
  /** Relative path from the lab folder to lab.schema.json, for the editor comment; omitted: no comment. */
  schemaPath?: string;
}

export interface ImportResult {
  /** Relative path in the lab folder -> content. */
  files: Map<string, Uint8Array | string>;
  notes: Note[];
}

const HOST = "workstation";
const SCRIPT_TIMEOUT = "10m";
const decoder = new TextDecoder();

export function convertScenario(input: ImportInput): ImportResult {
  const index = input.files.get("index.json");
  if (!index) throw new InvalidScenario("no index.json in the scenario folder");
  const { scenario, notes } = parseScenario(decoder.decode(index));
  const out = new Map<string, Uint8Array | string>();
  const text = (rel: string | undefined, what: string): string | undefined => {
    if (rel === undefined) return undefined;
    const bytes = input.files.get(rel.replace(/^\.\//, ""));
    if (bytes === undefined) notes.push({ level: "warning", where: "index.json", message: `${what} ${rel} does not exist in the scenario; skipped` });
    return bytes && decoder.decode(bytes);
  };
  /** Copies a scenario script into the lab, with a bash shebang (Killercoda runs scripts with bash). */
  const script = (rel: string | undefined, what: string, to: string): string | undefined => {
    const content = text(rel, what);
    if (content === undefined) return undefined;
    const note = networkNote(content, rel!);
    if (note) notes.push(note);
    out.set(to, content.startsWith("#!") ? content : `#!/bin/bash\n${content}`);
    return to;
  };
  const page = (source: ScenarioPage | undefined, what: string, to: string) => {
    const markdown = text(source?.text, what);
    if (markdown === undefined) return undefined;
    const converted = convertPage(markdown, source!.text!);
    notes.push(...converted.notes);
    out.set(to, converted.markdown);
    return converted;
  };

  const details = scenario.details ?? {};
  const env = environmentFor(scenario.backend?.imageid, notes);
  const hostSetup = [
    script(details.intro?.background, "details.intro.background", "setup/intro-background.sh"),
    script(details.intro?.foreground, "details.intro.foreground", "setup/intro-foreground.sh"),
  ].filter((s): s is string => s !== undefined);
  if (details.intro?.foreground) notes.push(foregroundNote("details.intro.foreground"));
  const intro = page(details.intro, "details.intro.text", "intro.md");
  const finish = page(details.finish, "details.finish.text", "finish.md");
  for (const key of ["background", "foreground", "verify"] as const) {
    if (details.finish?.[key]) notes.push({ level: "warning", where: "index.json", message: `details.finish.${key} is not converted: Praxis runs no scripts on the finish page` });
  }

  const assetFiles = [...input.files.keys()].filter((f) => f.startsWith("assets/")).map((f) => f.slice("assets/".length)).sort();
  const files: { source: string; target: string; mode: string }[] = [];
  for (const [host, assets] of Object.entries(details.assets ?? {})) {
    if (host !== "host01") {
      notes.push({ level: "warning", where: "index.json", message: `details.assets.${host} is not converted: the Praxis lab has one host, ${HOST} (host01)` });
      continue;
    }
    files.push(...mapAssets(assets, assetFiles, notes));
  }
  for (const f of files) out.set(f.source, input.files.get(f.source)!);

  const steps = convertSteps(details.steps ?? [], { text, script, page, notes, out });
  if (scenario.interface?.layout && scenario.interface.layout !== "terminal") {
    notes.push({ level: "info", where: "index.json", message: `interface.layout ${scenario.interface.layout}: Praxis shows a terminal and an editor on /root side by side` });
  }

  const lab = {
    apiVersion: "praxis.dev/v1alpha1",
    kind: "Lab",
    metadata: {
      id: input.labId,
      title: scenario.title?.trim() || input.labId,
      summary: scenario.description?.trim() || scenario.title?.trim() || input.labId,
      ...(env.clusterNodes && { topics: ["kubernetes"] }),
      difficulty: "beginner",
      estimatedMinutes: Math.max(5, steps.length * 5),
    },
    environment: {
      hosts: [
        {
          name: HOST,
          image: env.image,
          ...(files.length > 0 && { files }),
          editor: { paths: ["/root"] },
          ...(hostSetup.length > 0 && { setup: hostSetup.map((s) => ({ script: s, timeout: SCRIPT_TIMEOUT })) }),
        },
      ],
      ...(env.clusterNodes && { cluster: { nodes: env.clusterNodes } }),
    },
    ...(intro && { intro: "intro.md" }),
    ...(finish && { finish: "finish.md" }),
    steps,
  };
  notes.push({ level: "info", where: "lab.yaml", message: `metadata.difficulty (beginner) and estimatedMinutes (${lab.metadata.estimatedMinutes}) are defaults; set them` });
  if (steps.some((s) => s.checks)) {
    notes.push({ level: "warning", where: "lab.yaml", message: "Killercoda steps have no solve scripts: add `solve:` to each step with checks so `praxis test` can prove the lab works (and learners can skip a step)" });
  }
  const header = `# Imported from a Killercoda scenario by \`praxis import killercoda\`; see the notes it printed.\n`;
  const schema = input.schemaPath ? `# yaml-language-server: $schema=${input.schemaPath}\n` : "";
  out.set("lab.yaml", `${schema}${header}${stringify(lab, { lineWidth: 0 })}`);
  return { files: out, notes };
}

interface StepTools {
  text: (rel: string | undefined, what: string) => string | undefined;
  script: (rel: string | undefined, what: string, to: string) => string | undefined;
  page: (source: ScenarioPage | undefined, what: string, to: string) => ReturnType<typeof convertPage> | undefined;
  notes: Note[];
  out: Map<string, Uint8Array | string>;
}

function convertSteps(pages: readonly ScenarioPage[], tools: StepTools) {
  const used = new Set<string>();
  const steps = pages.map((source, i) => {
    const title = source.title?.trim() || `Step ${i + 1}`;
    const id = uniqueId(slug(source.title ?? "") || `step-${i + 1}`, used);
    const dir = `steps/${id}`;
    const where = `details.steps[${i}]`;
    const converted = tools.page(source, `${where}.text`, `${dir}/index.md`);
    if (!converted) tools.out.set(`${dir}/index.md`, `# ${title}\n`);
    if (converted?.solution) tools.out.set(`${dir}/solution.md`, converted.solution);
    const setup = [tools.script(source.background, `${where}.background`, `${dir}/background.sh`), tools.script(source.foreground, `${where}.foreground`, `${dir}/foreground.sh`)].filter(
      (s): s is string => s !== undefined,
    );
    if (source.foreground) tools.notes.push(foregroundNote(`${where}.foreground`));
    const verify = tools.script(source.verify, `${where}.verify`, `${dir}/verify.sh`);
    return {
      id,
      title,
      ...(setup.length > 0 && { setup: setup.map((s) => ({ script: s, timeout: SCRIPT_TIMEOUT })) }),
      ...(verify && { checks: [{ kind: "script", name: `${title}: verify.sh passes`, script: verify }] }),
      ...(converted?.hints.length ? { hints: converted.hints } : {}),
      ...(converted?.solution && { solution: `${dir}/solution.md` }),
    };
  });
  if (steps.length > 0) return steps;
  tools.notes.push({ level: "warning", where: "index.json", message: "the scenario has no steps; the lab gets one step, explore, to edit" });
  tools.out.set("steps/explore/index.md", "# Explore\n\nLook around the environment.\n");
  return [{ id: "explore", title: "Explore" }];
}

function foregroundNote(what: string): Note {
  return {
    level: "warning",
    where: "index.json",
    message: `${what} runs as a setup script, to completion and out of sight, before the step starts (Killercoda types it into the learner's terminal)`,
  };
}

/** "Create a Pod!" -> "create-a-pod": a DNS label of at most 40 characters. */
export function slug(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, 40)
    .replace(/^-+|-+$/g, "");
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base.slice(0, 36)}-${n}`;
  used.add(id);
  return id;
}
