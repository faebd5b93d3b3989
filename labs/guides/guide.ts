/**
 * The concept-guide model: a Markdown file in content/guides/<slug>.md whose YAML frontmatter names its title,
 * summary, topic, order in the index and the labs that practise it. parseGuide is pure: it turns one file's text
 * into a Guide or into diagnostics pointing at file:line:col, mirroring how lab.yaml problems are reported, and
 * parses strictly (an unknown key is an error) so typos do not silently drop data.
 */
import { z } from "zod";
import type { Diagnostic } from "../index";
import { parseFrontmatter } from "../markdown/frontmatter";

export const GUIDE_TOPICS = [
  "containerd",
  "sigstore",
  "buildx",
  "ebpf",
  "wasm",
  "kubernetes-deprecations",
  "runtime-security",
] as const;

export type GuideTopic = (typeof GUIDE_TOPICS)[number];

/** Display names, for the guides index and lab pages. */
export const GUIDE_TOPIC_LABELS: Record<GuideTopic, string> = {
  containerd: "containerd",
  sigstore: "Sigstore",
  buildx: "BuildKit & buildx",
  ebpf: "eBPF",
  wasm: "WebAssembly",
  "kubernetes-deprecations": "Kubernetes API deprecations",
  "runtime-security": "Runtime security",
};

export interface Guide {
  /** File name without `.md`; the URL segment under /guides/. */
  slug: string;
  /** Path of the source file, as given to parseGuide. */
  file: string;
  title: string;
  summary: string;
  topic: GuideTopic;
  order: number;
  /** Ids of labs that practise this guide's topic. */
  labs: string[];
  /** Markdown body after the frontmatter. */
  markdown: string;
}

/** A zod error option that tells "missing" apart from "wrong type", naming the field either way. */
function expect(field: string, what: string) {
  return { error: (issue: { input?: unknown }) => (issue.input === undefined ? `${field} is required` : `${field} must be ${what}`) };
}

const frontmatterSchema = z.strictObject({
  title: z.string(expect("title", "a string")).trim().min(1, "title must not be empty"),
  summary: z.string(expect("summary", "a string")).trim().min(1, "summary must not be empty"),
  topic: z.enum(GUIDE_TOPICS, expect("topic", `one of: ${GUIDE_TOPICS.join(", ")}`)),
  order: z.number(expect("order", "a number")).int("order must be a whole number"),
  labs: z
    .array(z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, "lab ids are lower-case DNS labels"), expect("labs", "a list of lab ids"))
    .default([]),
});

export const SLUG = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export function parseGuide(file: string, text: string): { guide?: Guide; diagnostics: Diagnostic[] } {
  const slug = (file.split(/[\\/]/).pop() ?? file).replace(/\.md$/, "");
  const at = (pos: { line: number; column: number }, message: string): Diagnostic => ({ file, ...pos, message });
  if (!SLUG.test(slug)) {
    return { diagnostics: [at({ line: 1, column: 1 }, `guide file name "${slug}.md" must be lower-case letters, digits and dashes`)] };
  }
  const fm = parseFrontmatter(text);
  if (!fm.present) {
    return { diagnostics: [at({ line: 1, column: 1 }, "guide must start with YAML frontmatter (a `---` line)")] };
  }
  if (fm.errors.length > 0) return { diagnostics: fm.errors.map((e) => at(e, e.message)) };

  const parsed = frontmatterSchema.safeParse(fm.data ?? {});
  if (!parsed.success) {
    const diagnostics = parsed.error.issues.flatMap((issue) => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) =>
          at(fm.keyPositionOf([...issue.path, key]), `unknown field "${key}"; allowed: ${Object.keys(frontmatterSchema.shape).join(", ")}`),
        );
      }
      const where = issue.path.map(String).join(".");
      const message = issue.message.startsWith(where) || where === "" ? issue.message : `${where}: ${issue.message}`;
      return [at(fm.positionOf(issue.path), message)];
    });
    return { diagnostics: diagnostics.sort((a, b) => a.line - b.line || a.column - b.column) };
  }
  return { guide: { slug, file, ...parsed.data, markdown: fm.body }, diagnostics: [] };
}

/** Diagnostics for guides that list a lab id no loaded lab has (a typo, or a lab that failed validation). */
export function checkGuideLabs(guides: readonly Guide[], labIds: ReadonlySet<string>): Diagnostic[] {
  return guides.flatMap((guide) =>
    guide.labs
      .filter((id) => !labIds.has(id))
      .map((id) => ({ file: guide.file, line: 1, column: 1, message: `guide lists lab "${id}", which is not loaded` })),
  );
}
