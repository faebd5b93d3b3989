/**
 * Join codes: six characters from an alphabet without look-alikes (no 0/O, 1/I/L, 5/S, 8/B, 2/Z), so a
 * code read off a projector is typed right the first time. Input is normalised (case, spaces, dashes)
 * before lookup. Uniqueness is the database's job (a unique index); `newJoinCode` just draws at random,
 * with the randomness its caller brings, so that this module imports nothing of Node's and the browser's
 * workshop pages can format codes with it too.
 */

export const JOIN_CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";
export const JOIN_CODE_LENGTH = 6;

/** `random(max)`: a uniformly drawn integer in [0, max), such as node:crypto's randomInt. */
export function newJoinCode(random: (max: number) => number): string {
  let code = "";
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[random(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** The code as stored, or null when the input cannot be a join code at all. */
export function normalizeJoinCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]+/g, "");
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const ch of code) if (!JOIN_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Shown to people as ABC-DEF: two halves are easier to read aloud. */
export const formatJoinCode = (code: string) => `${code.slice(0, 3)}-${code.slice(3)}`;
