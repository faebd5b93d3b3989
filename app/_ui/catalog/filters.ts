/**
 * Catalog filtering, kept pure so it is unit-tested and shared by the page and its links. Filters live in the
 * URL (`?topic=linux&difficulty=beginner`) so a filtered view is linkable and works without JavaScript; unknown
 * or malformed values are ignored rather than producing an empty page.
 */
import type { Difficulty, Lab } from "../../../labs/index";

export const DIFFICULTIES: readonly Difficulty[] = ["beginner", "intermediate", "advanced"];

export interface CatalogFilters {
  topic?: string;
  difficulty?: Difficulty;
}

type SearchParams = Record<string, string | string[] | undefined>;

function first(value: string | string[] | undefined): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return v && v.trim() !== "" ? v.trim() : undefined;
}

export function parseFilters(params: SearchParams, knownTopics: readonly string[]): CatalogFilters {
  const topic = first(params.topic);
  const difficulty = first(params.difficulty);
  return {
    ...(topic && knownTopics.includes(topic) ? { topic } : {}),
    ...(difficulty && (DIFFICULTIES as readonly string[]).includes(difficulty)
      ? { difficulty: difficulty as Difficulty }
      : {}),
  };
}

export function filterLabs(labs: readonly Lab[], filters: CatalogFilters): Lab[] {
  return labs.filter(
    (lab) =>
      (!filters.topic || lab.metadata.topics.includes(filters.topic)) &&
      (!filters.difficulty || lab.metadata.difficulty === filters.difficulty),
  );
}

/** Every topic used by some lab, alphabetically. */
export function topicsOf(labs: readonly Lab[]): string[] {
  return [...new Set(labs.flatMap((lab) => lab.metadata.topics))].sort((a, b) => a.localeCompare(b));
}

/** The catalog URL for a filter set; `undefined` values drop that filter. */
export function catalogHref(filters: CatalogFilters): string {
  const params = new URLSearchParams();
  if (filters.topic) params.set("topic", filters.topic);
  if (filters.difficulty) params.set("difficulty", filters.difficulty);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}
