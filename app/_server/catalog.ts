/**
 * Server-only: everything the site shows, loaded from disk through the lab loader and the guides loader. Invalid
 * labs or guides never throw here; they arrive as diagnostics (with paths made relative to the repository so the
 * notice does not leak the server's layout) and the valid ones are still served, in catalog order (beginner labs
 * first). Lookups that pages need (lab by id, guides for a lab) are pure functions over the loaded catalog.
 */
import path from "node:path";
import { loadLabs, sortDiagnostics, type Diagnostic, type Difficulty, type Lab } from "../../labs/index";
import { checkGuideLabs, loadGuides, type Guide } from "../../labs/guides/index";
import type { SiteConfig } from "./config";

export interface SiteCatalog {
  labs: Lab[];
  guides: Guide[];
  diagnostics: Diagnostic[];
}

export async function loadSiteCatalog(config: SiteConfig): Promise<SiteCatalog> {
  const [labResult, guideResult] = await Promise.all([loadLabs([...config.labDirs]), loadGuides(config.guidesDir)]);
  const labs = sortLabs(labResult.labs);
  const linkProblems = checkGuideLabs(guideResult.guides, new Set(labs.map((lab) => lab.metadata.id)));
  const diagnostics = sortDiagnostics([...labResult.diagnostics, ...guideResult.diagnostics, ...linkProblems]).map(
    (d) => ({ ...d, file: displayPath(config.repoRoot, d.file) }),
  );
  return { labs, guides: guideResult.guides, diagnostics };
}

export function findLab(catalog: SiteCatalog, id: string): Lab | undefined {
  return catalog.labs.find((lab) => lab.metadata.id === id);
}

export function findGuide(catalog: SiteCatalog, slug: string): Guide | undefined {
  return catalog.guides.find((guide) => guide.slug === slug);
}

/** Guides about one of the lab's topics, or that list the lab explicitly. */
export function guidesForLab(catalog: SiteCatalog, lab: Lab): Guide[] {
  const topics = new Set(lab.metadata.topics);
  return catalog.guides.filter((g) => topics.has(g.topic) || g.labs.includes(lab.metadata.id));
}

/** Loaded labs a guide lists, in the guide's order; unknown ids are skipped (and reported as diagnostics). */
export function labsForGuide(catalog: SiteCatalog, guide: Guide): Lab[] {
  return guide.labs.flatMap((id) => findLab(catalog, id) ?? []);
}

// A Record, so a new difficulty level cannot be added without giving it a place in the catalog.
const DIFFICULTY_RANK: Record<Difficulty, number> = { beginner: 0, intermediate: 1, advanced: 2 };

/** Catalog order: beginner labs first, then intermediate, then advanced; by title within a level. */
export function sortLabs(labs: readonly Lab[]): Lab[] {
  const rank = (lab: Lab) => DIFFICULTY_RANK[lab.metadata.difficulty];
  return [...labs].sort((a, b) => rank(a) - rank(b) || a.metadata.title.localeCompare(b.metadata.title));
}

function displayPath(root: string, file: string): string {
  const relative = path.relative(root, file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
