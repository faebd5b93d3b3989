/**
 * Tokens of the check expression language (see parser.ts for the grammar). Positions are 0-based offsets
 * into the expression text so errors can say "at character 14" and explanations can quote the exact source.
 */

export type TokenType = "number" | "string" | "ident" | "op" | "eof";

export interface Token {
  type: TokenType;
  /** The operator or identifier text, or the decoded string value. */
  text: string;
  value?: number;
  start: number;
  end: number;
}

export class ExpressionError extends Error {
  constructor(
    message: string,
    /** 0-based offset into the expression where the problem is. */
    readonly offset: number,
  ) {
    super(message);
    this.name = "ExpressionError";
  }
}

const OPERATORS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ".", ",", "=", "-"];
const IDENT_START = /[A-Za-z_$]/;
const IDENT_PART = /[A-Za-z0-9_$]/;
const ESCAPES: Record<string, string> = { n: "\n", t: "\t", "\\": "\\", '"': '"', "'": "'" };

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(?:\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ type: "number", text: match[0], value: Number(match[0]), start: i, end: i + match[0].length });
      i += match[0].length;
    } else if (ch === '"' || ch === "'") {
      i = readString(source, i, tokens);
    } else if (IDENT_START.test(ch)) {
      let end = i + 1;
      while (end < source.length && IDENT_PART.test(source[end]!)) end++;
      tokens.push({ type: "ident", text: source.slice(i, end), start: i, end });
      i = end;
    } else {
      const op = OPERATORS.find((o) => source.startsWith(o, i));
      if (!op) throw new ExpressionError(`unexpected character "${ch}"`, i);
      tokens.push({ type: "op", text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  tokens.push({ type: "eof", text: "end of expression", start: source.length, end: source.length });
  return tokens;
}

function readString(source: string, start: number, tokens: Token[]): number {
  const quote = source[start]!;
  let text = "";
  let i = start + 1;
  while (i < source.length && source[i] !== quote) {
    if (source[i] === "\\") {
      const escaped = ESCAPES[source[i + 1] ?? ""];
      if (escaped === undefined) throw new ExpressionError(`unknown escape "\\${source[i + 1] ?? ""}" in a string`, i);
      text += escaped;
      i += 2;
    } else {
      text += source[i];
      i++;
    }
  }
  if (i >= source.length) throw new ExpressionError(`string is not closed; add a ${quote}`, start);
  tokens.push({ type: "string", text, start, end: i + 1 });
  return i + 1;
}
