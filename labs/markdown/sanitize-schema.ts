/**
 * The sanitiser allow-list: GitHub's defaults plus exactly the classes and data attributes our own plugins emit
 * (code blocks, run buttons, Mermaid containers, callouts). Raw HTML in Markdown is already dropped by
 * remark-rehype; sanitising the final tree is the second wall, so a bug in a plugin (or a future raw-HTML option)
 * still cannot smuggle in <script>, event handlers or javascript: URLs.
 */
import { defaultSchema } from "rehype-sanitize";
import type { Options as Schema } from "rehype-sanitize";

type AttributeList = NonNullable<Schema["attributes"]>[string];

const CALLOUT_CLASSES = ["callout", "callout-note", "callout-tip", "callout-important", "callout-warning", "callout-caution"];

const base = defaultSchema.attributes ?? {};

function extend(tag: string, extra: AttributeList): AttributeList {
  return [...(base[tag] ?? []), ...extra];
}

export const sanitizeSchema: Schema = {
  ...defaultSchema,
  // Ids come only from our own pipeline (footnotes are prefixed by remark-rehype, headings by rehype-slug after
  // sanitising), never from author HTML, so the default clobbering would only break footnote links.
  clobber: [],
  tagNames: [...(defaultSchema.tagNames ?? []), "button"],
  attributes: {
    ...base,
    div: extend("div", [
      ["className", "code-block", "code-block-exec", "code-block-copy", "code-bar", "mermaid-diagram", ...CALLOUT_CLASSES],
      "dataCodeBlock",
      ["dataRun", "exec", "copy"],
      "dataCommand",
      "dataMermaid",
      ["dataCallout", "note", "tip", "important", "warning", "caution"],
      ["role", "note"],
    ]),
    p: extend("p", [["className", "callout-title"]]),
    span: extend("span", [["className", "code-lang"]]),
    pre: extend("pre", [["className", "mermaid-source"], "tabIndex"]),
    button: [
      ["type", "button"],
      ["className", "code-run", "code-copy", "run-inline", "run-inline-exec", "run-inline-copy", "open-file"],
      "dataCopyButton",
      "dataOpenFile",
      "dataHost",
      "dataLine",
      "dataRunButton",
      ["dataRun", "exec", "copy"],
      "dataCommand",
      "title",
    ],
  },
};
