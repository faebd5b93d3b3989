/**
 * A small, safe expression language for kubernetes checks: read fields of one object, compare, combine.
 * It is parsed here (never eval'd), so the validator reports mistakes at load time with file:line, and the
 * grader evaluates the tree against a plain JSON object. Grammar, lowest precedence first:
 *
 *   expr    := and ("||" and)*
 *   and     := compare ("&&" compare)*
 *   compare := unary (("==" | "!=" | "<" | "<=" | ">" | ">=") unary)?     (no chaining: a < b < c is an error)
 *   unary   := "!" unary | operand
 *   operand := number | "-" number | string | true | false | null | "(" expr ")" | name "(" args ")" | path
 *   path    := name ("." name | "[" number "]" | "[" string "]" | "[" name ("=" | "==") literal "]")*
 *
 * Examples: `status.readyReplicas >= 2`, `len(spec.containers) == 1`,
 * `metadata.labels["app.kubernetes.io/name"] == "web"`, `status.conditions[type="Ready"].status == "True"`.
 */
import type { CompareOp, Expression, ExprNode, Scalar, Segment } from "./ast";
import { FUNCTIONS } from "./functions";
import { ExpressionError, tokenize, type Token } from "./lexer";

export { ExpressionError } from "./lexer";

const COMPARE_OPS = new Set<string>(["==", "!=", "<", "<=", ">", ">="]);
const KEYWORDS: Record<string, Scalar> = { true: true, false: false, null: null };
/** Deep nesting is never needed in a check; the cap keeps a hostile expression from exhausting the stack. */
const MAX_DEPTH = 64;
export const MAX_EXPRESSION_LENGTH = 2000;

export function parseExpression(source: string): Expression {
  if (source.length > MAX_EXPRESSION_LENGTH) throw new ExpressionError(`expression is longer than ${MAX_EXPRESSION_LENGTH} characters`, 0);
  if (source.trim() === "") throw new ExpressionError("expression is empty", 0);
  const parser = new Parser(tokenize(source));
  const root = parser.expression();
  parser.expectEnd();
  return { source, root };
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  expression(): ExprNode {
    let left = this.and();
    while (this.accept("||")) left = binary("or", left, this.and());
    return left;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.type !== "eof") throw new ExpressionError(`unexpected ${describe(token)}; expected an operator such as && or ==`, token.start);
  }

  private and(): ExprNode {
    let left = this.compare();
    while (this.accept("&&")) left = binary("and", left, this.compare());
    return left;
  }

  private compare(): ExprNode {
    const left = this.unary();
    const token = this.peek();
    if (token.type !== "op" || !COMPARE_OPS.has(token.text)) return left;
    this.index++;
    const right = this.unary();
    const next = this.peek();
    if (next.type === "op" && COMPARE_OPS.has(next.text)) {
      throw new ExpressionError(`comparisons cannot be chained; combine them with &&`, next.start);
    }
    return { type: "compare", op: token.text as CompareOp, left, right, start: left.start, end: right.end };
  }

  /** Every recursion (nested parentheses, calls, repeated "!") passes through here, so the depth cap lives here. */
  private unary(): ExprNode {
    const bang = this.peek();
    if (++this.depth > MAX_DEPTH) throw new ExpressionError("expression is nested too deeply", bang.start);
    try {
      if (!this.accept("!")) return this.operand();
      const operand = this.unary();
      return { type: "not", operand, start: bang.start, end: operand.end };
    } finally {
      this.depth--;
    }
  }

  private operand(): ExprNode {
    const token = this.next();
    if (token.type === "number") return { type: "literal", value: token.value!, start: token.start, end: token.end };
    if (token.type === "string") return { type: "literal", value: token.text, start: token.start, end: token.end };
    if (token.type === "op" && token.text === "-") {
      const number = this.next();
      if (number.type !== "number") throw new ExpressionError(`"-" must be followed by a number`, number.start);
      return { type: "literal", value: -number.value!, start: token.start, end: number.end };
    }
    if (token.type === "op" && token.text === "(") {
      const inner = this.expression();
      const close = this.expect(")", "to close the \"(\"");
      return { ...inner, start: token.start, end: close.end };
    }
    if (token.type === "ident") {
      if (token.text in KEYWORDS) return { type: "literal", value: KEYWORDS[token.text]!, start: token.start, end: token.end };
      if (this.peek().text === "(" && this.peek().type === "op") return this.call(token);
      return this.path(token);
    }
    throw new ExpressionError(`unexpected ${describe(token)}; expected a field path, a value or "("`, token.start);
  }

  private call(name: Token): ExprNode {
    const spec = FUNCTIONS[name.text];
    if (!spec) {
      throw new ExpressionError(`unknown function ${name.text}(); available: ${Object.keys(FUNCTIONS).map((f) => `${f}()`).join(", ")}`, name.start);
    }
    this.expect("(", "");
    const args: ExprNode[] = [];
    if (!(this.peek().type === "op" && this.peek().text === ")")) {
      do args.push(this.expression());
      while (this.accept(","));
    }
    const close = this.expect(")", `to close ${name.text}(`);
    if (args.length !== spec.arity) {
      throw new ExpressionError(`${name.text}() takes ${spec.arity} argument${spec.arity === 1 ? "" : "s"}, got ${args.length}: ${spec.usage}`, name.start);
    }
    if (spec.pathArgument && args[0]!.type !== "path") throw new ExpressionError(`${name.text}() needs a field path: ${spec.usage}`, args[0]!.start);
    return { type: "call", name: name.text, args, start: name.start, end: close.end };
  }

  private path(first: Token): ExprNode {
    const segments: Segment[] = [{ kind: "field", name: first.text }];
    let end = first.end;
    for (;;) {
      if (this.accept(".")) {
        const name = this.next();
        if (name.type !== "ident") throw new ExpressionError(`expected a field name after ".", got ${describe(name)}`, name.start);
        segments.push({ kind: "field", name: name.text });
        end = name.end;
      } else if (this.accept("[")) {
        segments.push(this.bracket());
        end = this.expect("]", 'to close the "["').end;
      } else {
        return { type: "path", segments, start: first.start, end };
      }
    }
  }

  private bracket(): Segment {
    const token = this.next();
    if (token.type === "number") {
      if (!Number.isInteger(token.value)) throw new ExpressionError(`list index must be a whole number`, token.start);
      return { kind: "index", index: token.value! };
    }
    if (token.type === "string") return { kind: "field", name: token.text };
    if (token.type === "ident" && !(this.accept("==") || this.accept("="))) {
      throw new ExpressionError(`expected "=" after "${token.text}": write [${token.text}="value"] to pick a list element`, this.peek().start);
    }
    if (token.type === "ident") {
      const value = this.next();
      if (value.type === "string" || value.type === "number") return { kind: "filter", field: token.text, value: value.type === "number" ? value.value! : value.text };
      if (value.type === "ident") return { kind: "filter", field: token.text, value: value.text in KEYWORDS ? KEYWORDS[value.text]! : value.text };
      throw new ExpressionError(`expected a value after "${token.text}=", got ${describe(value)}`, value.start);
    }
    throw new ExpressionError(`expected a list index, a quoted key or field=value inside [ ], got ${describe(token)}`, token.start);
  }

  private peek(): Token {
    return this.tokens[this.index]!;
  }

  private next(): Token {
    const token = this.tokens[this.index]!;
    if (token.type !== "eof") this.index++;
    return token;
  }

  private accept(op: string): boolean {
    const token = this.peek();
    if (token.type === "op" && token.text === op) {
      this.index++;
      return true;
    }
    return false;
  }

  private expect(op: string, why: string): Token {
    const token = this.peek();
    if (!(token.type === "op" && token.text === op)) {
      throw new ExpressionError(`expected "${op}"${why ? ` ${why}` : ""}, got ${describe(token)}`, token.start);
    }
    this.index++;
    return token;
  }
}

function binary(type: "and" | "or", left: ExprNode, right: ExprNode): ExprNode {
  return { type, left, right, start: left.start, end: right.end };
}

function describe(token: Token): string {
  if (token.type === "eof") return "the end of the expression";
  if (token.type === "string") return `the string ${JSON.stringify(token.text)}`;
  return `"${token.text}"`;
}
