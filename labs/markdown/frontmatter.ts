/**
 * Split a Markdown file into YAML frontmatter and body, keeping positions: every error and every value can be
 * pointed at with the line and column it has in the *file*, not in the extracted YAML, so loaders can report
 * `file:line:col` like the lab validator does. A file without a leading `---` line has no frontmatter.
 */
import { isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";

export interface FrontmatterError {
  line: number;
  column: number;
  message: string;
}

export interface Frontmatter {
  /** Whether the file starts with a frontmatter block at all. */
  present: boolean;
  /** The parsed YAML value (undefined when absent or empty). */
  data: unknown;
  /** The Markdown after the closing `---`. */
  body: string;
  /** 1-based file line on which `body` starts. */
  bodyLine: number;
  errors: FrontmatterError[];
  /** File position of the value at `path` (or of the nearest existing parent); frontmatter start if none. */
  positionOf(path: ReadonlyArray<PropertyKey>): { line: number; column: number };
  /** File position of the *key* of the mapping entry at `path` (for "unknown field" errors). */
  keyPositionOf(path: ReadonlyArray<PropertyKey>): { line: number; column: number };
}

const OPEN = /^---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

export function parseFrontmatter(text: string): Frontmatter {
  const open = OPEN.exec(text);
  if (!open) return absent(text);
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) {
    return {
      ...absent(text),
      present: true,
      errors: [{ line: 1, column: 1, message: "frontmatter starting with `---` is never closed by a `---` line" }],
    };
  }
  const yamlText = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, "");
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false });
  // Frontmatter lines are offset by the opening `---` line.
  const at = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + 1, column: pos.col };
  };
  const errors = [...doc.errors, ...doc.warnings].map((e) => ({ ...at(e.pos[0]), message: firstLine(e.message) }));
  return {
    present: true,
    data: errors.length > 0 ? undefined : doc.toJS(),
    body: afterClose,
    bodyLine: countLines(text.slice(0, open[0].length + close.index + close[0].length)) + 1,
    errors,
    positionOf(path) {
      for (let depth = path.length; depth >= 0; depth--) {
        const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth) as unknown[], true);
        if (isNode(node) && node.range) return at(node.range[0]);
      }
      return { line: 1, column: 1 };
    },
    keyPositionOf(path) {
      const parent = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1) as unknown[], true);
      if (isMap(parent)) {
        const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
        if (pair && isNode(pair.key) && pair.key.range) return at(pair.key.range[0]);
      }
      return this.positionOf(path);
    },
  };
}

function absent(text: string): Frontmatter {
  const start = () => ({ line: 1, column: 1 });
  return { present: false, data: undefined, body: text, bodyLine: 1, errors: [], positionOf: start, keyPositionOf: start };
}

function countLines(s: string): number {
  return s.split("\n").length;
}

function firstLine(message: string): string {
  return message.split("\n")[0]!.trim();
}
