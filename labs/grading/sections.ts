/**
 * The report format of the small shell programs the runner runs inside a host to gather what a check
 * needs: sections introduced by a line `@@praxis:<name>@@`. Plain text keeps the in-host side to POSIX sh
 * and coreutils; naming the sections keeps the reading side independent of their order. The section named
 * as `tail` runs to the end of the output unsplit, so arbitrary content (a file, a response) can go last.
 */

const MARKER = /(?:^|\n)@@praxis:([a-z-]+)@@\n/g;

export function sectionMarker(name: string): string {
  return `@@praxis:${name}@@`;
}

export function parseSections(output: string, tail?: string): Map<string, string> {
  const sections = new Map<string, string>();
  const found: { name: string; start: number; end: number }[] = [];
  for (const match of output.matchAll(MARKER)) {
    found.push({ name: match[1]!, start: match.index, end: match.index + match[0].length });
    if (match[1] === tail) break;
  }
  found.forEach((section, i) => {
    const next = found[i + 1];
    if (!sections.has(section.name)) sections.set(section.name, output.slice(section.end, next ? next.start : undefined));
  });
  return sections;
}
