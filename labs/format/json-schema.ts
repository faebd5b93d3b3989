/**
 * The JSON Schema of lab.yaml, generated from the zod definition so it can never drift from the parser.
 * Editors use it (via the `# yaml-language-server: $schema=...` comment) for completion and inline errors;
 * content/lab.schema.json is this output, and a test keeps the committed file identical to it.
 */
import { z } from "zod";
import { labSchema } from "./v1alpha1";

export function labJsonSchema(): Record<string, unknown> {
  // "input" describes what authors write (before defaults), which is what an editor should validate;
  // draft-07 because that is the dialect yaml-language-server (VS Code, Neovim) supports best.
  return z.toJSONSchema(labSchema, { io: "input", target: "draft-7" }) as Record<string, unknown>;
}

/** The exact text of content/lab.schema.json: pretty-printed with a trailing newline. */
export function labJsonSchemaText(): string {
  return `${JSON.stringify(labJsonSchema(), null, 2)}\n`;
}
