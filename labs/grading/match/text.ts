/**
 * Text expectations: substrings that must occur and regular expressions that must match. Patterns use
 * JavaScript syntax with the `m` flag, so `^` and `$` match at every line, which is what an author means
 * by "a line like this" in a config file or a response body.
 */

/** Throws SyntaxError with the engine's explanation when the pattern is not a valid regular expression. */
export function compilePattern(pattern: string): RegExp {
  return new RegExp(pattern, "m");
}

export function missingSubstrings(text: string, needles: readonly string[]): string[] {
  return needles.filter((needle) => !text.includes(needle));
}

/** Patterns that match nowhere in the text; an invalid pattern counts as not matching. */
export function unmatchedPatterns(text: string, patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => {
    try {
      return !compilePattern(pattern).test(text);
    } catch {
      return true;
    }
  });
}

const EXCERPT_CHARS = 120;

/** A short, one-line quotation of some text for a message: `"Service Unavailable\n…"`. */
export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const trimmed = text.trim();
  const cut = trimmed.length > max ? `${trimmed.slice(0, max - 1)}…` : trimmed;
  return JSON.stringify(cut);
}
