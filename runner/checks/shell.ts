/**
 * Small helpers for the POSIX sh programs the runner sends into hosts to gather what a check needs: quoting
 * any text as one shell word, and printing the `@@praxis:<name>@@` section markers the pure readers in
 * labs/grading parse (labs/grading/sections.ts).
 */

/** `it's` -> `'it'\''s'`: safe for any text, including newlines and carriage returns. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Defines `section NAME`, which prints a section marker on its own line. */
export const SECTION_FUNCTION = "section() { printf '\\n@@praxis:%s@@\\n' \"$1\"; }";
