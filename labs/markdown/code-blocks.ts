/**
 * mdast -> hast handler for fenced code. Every block becomes a small figure-like container with a toolbar
 * (language label, Copy button, and a Run button for run-in-terminal blocks); ```mermaid fences become a diagram
 * container that keeps the source in a <pre> so the page still reads well before (or without) the browser
 * rendering it to SVG. Only data attributes describe behaviour: the client enhancer and the lab player wire the
 * clicks, so this stays pure and runs the same in Node and the browser.
 */
import type { Element, ElementContent } from "hast";
import type { Code } from "mdast";
import type { RunMode } from "./types";

const RUN_WORDS: Record<string, RunMode> = { exec: "exec", execute: "exec", run: "exec", copy: "copy" };

/** Run mode from `data.run` (Killercoda markers) or from the fence info string (```bash exec). */
export function runModeOf(node: Code): RunMode | undefined {
  if (node.data?.run) return node.data.run;
  for (const word of (node.meta ?? "").split(/\s+/)) {
    const mode = RUN_WORDS[word.toLowerCase()];
    if (mode) return mode;
  }
  return undefined;
}

export function codeToHast(node: Code): Element {
  if (node.lang?.toLowerCase() === "mermaid") return mermaidBlock(node.value);
  return codeBlock(node.value, node.lang ?? undefined, runModeOf(node));
}

function mermaidBlock(source: string): Element {
  return el("div", { className: ["mermaid-diagram"], dataMermaid: "" }, [
    el("pre", { className: ["mermaid-source"] }, [el("code", {}, [{ type: "text", value: source }])]),
  ]);
}

function codeBlock(source: string, lang: string | undefined, run: RunMode | undefined): Element {
  const label = lang ?? (run ? "shell" : "text");
  const buttons: ElementContent[] = [];
  if (run === "exec") {
    buttons.push(
      el("button", { type: "button", className: ["code-run"], dataRunButton: "", title: "Run in the terminal" }, [
        text("Run"),
      ]),
    );
  }
  buttons.push(
    el("button", { type: "button", className: ["code-copy"], dataCopyButton: "", title: "Copy to the clipboard" }, [
      text("Copy"),
    ]),
  );
  const container: Record<string, string | string[]> = {
    className: run ? ["code-block", `code-block-${run}`] : ["code-block"],
    dataCodeBlock: "",
  };
  if (run) {
    container.dataRun = run;
    container.dataCommand = source;
  }
  const codeProps = lang ? { className: [`language-${lang}`] } : {};
  return el("div", container, [
    el("div", { className: ["code-bar"] }, [el("span", { className: ["code-lang"] }, [text(label)]), ...buttons]),
    // tabindex makes a horizontally scrolling block reachable by keyboard.
    el("pre", { tabIndex: 0 }, [el("code", codeProps, [text(source)])]),
  ]);
}

function el(tagName: string, properties: Element["properties"], children: ElementContent[]): Element {
  return { type: "element", tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: "text", value };
}
