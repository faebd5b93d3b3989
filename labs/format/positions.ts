/**
 * Maps a data path (["steps", 0, "checks", 1, "host"]) back to a line and column in lab.yaml, so every
 * diagnostic points at the offending key or value rather than at the file as a whole. When the path does not
 * exist in the document (a missing field), it points at the deepest part that does: the enclosing mapping.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from "yaml";

export type DataPath = readonly (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface Located {
  position: Position;
  /** True when the full path exists in the document. */
  exact: boolean;
  /** The YAML node at the path, when it exists. */
  node?: unknown;
}

/** Where a path is in a parsed document. `at: "key"` points at a mapping key (for "unknown field" errors). */
export function locate(doc: Document, counter: LineCounter, path: DataPath, at: "key" | "value" = "value"): Located {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(segment));
      if (!pair) return { position: toPosition(counter, offset), exact: false };
      const keyStart = rangeStart(pair.key);
      if (last && at === "key" && keyStart !== undefined) return { position: toPosition(counter, keyStart), exact: true };
      node = pair.value;
      // A key with an empty value (`title:`) has no value node: point at the key instead.
      offset = rangeStart(node) ?? keyStart ?? offset;
    } else if (isSeq(node) && typeof segment === "number") {
      node = node.items[segment];
      if (node === undefined) return { position: toPosition(counter, offset), exact: false };
      offset = rangeStart(node) ?? offset;
    } else {
      return { position: toPosition(counter, offset), exact: false };
    }
  }
  return { position: toPosition(counter, offset), exact: true, node };
}

/**
 * The offset in the file of character `index` of a one-line string value, or undefined when that cannot be
 * known exactly (block scalars, multi-line strings, escapes), in which case callers keep the value's start.
 */
export function offsetInScalar(node: unknown, index: number): number | undefined {
  if (!isScalar(node) || typeof node.value !== "string" || !node.range) return undefined;
  const quoted = node.type === "QUOTE_DOUBLE" || node.type === "QUOTE_SINGLE";
  if (!quoted && node.type !== "PLAIN") return undefined;
  const [start, end] = node.range;
  if (end - start !== node.value.length + (quoted ? 2 : 0) || node.value.includes("\n")) return undefined;
  return start + (quoted ? 1 : 0) + Math.min(index, node.value.length);
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

export function toPosition(counter: LineCounter, offset: number): Position {
  const { line, col } = counter.linePos(offset);
  return { line, column: col };
}
