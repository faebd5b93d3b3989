/**
 * The syntax tree of a check expression. Every node keeps its source span so a failed check can quote the
 * exact part of the author's expression that was false ("status.readyReplicas >= 2 is false ...").
 */

export type Scalar = string | number | boolean | null;

/** One step of a path: `.name`, `[0]`, `["app.kubernetes.io/name"]` or `[type="Ready"]` (first element whose field equals). */
export type Segment =
  | { kind: "field"; name: string }
  | { kind: "index"; index: number }
  | { kind: "filter"; field: string; value: Scalar };

export type CompareOp = "==" | "!=" | "<" | "<=" | ">" | ">=";

interface Span {
  start: number;
  end: number;
}

export type ExprNode = Span &
  (
    | { type: "literal"; value: Scalar }
    | { type: "path"; segments: Segment[] }
    | { type: "call"; name: string; args: ExprNode[] }
    | { type: "not"; operand: ExprNode }
    | { type: "and" | "or"; left: ExprNode; right: ExprNode }
    | { type: "compare"; op: CompareOp; left: ExprNode; right: ExprNode }
  );

export interface Expression {
  source: string;
  root: ExprNode;
}
