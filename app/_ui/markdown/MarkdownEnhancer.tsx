"use client";
/**
 * Wires the interactive parts of rendered Markdown on the current page: draws Mermaid diagrams (again when the
 * theme changes, and when `contentKey` says the Markdown on the page changed, as in the lab player), and handles
 * Copy / Run / open-in-editor clicks by event delegation, so server-rendered HTML needs no per-block React.
 * Feedback goes both on the button and to a polite live region for screen-reader users.
 */
import { useEffect, useRef } from "react";
import { effectiveTheme, THEME_CHANGE_EVENT } from "../theme/theme-script";
import { copyText } from "./clipboard";
import { renderDiagrams } from "./mermaid";
import { openFileRequestOf, requestOpenFile } from "./open-file-event";
import { requestRun } from "./run-event";

const FEEDBACK_MS = 2000;

export function MarkdownEnhancer({ contentKey }: { contentKey?: string } = {}) {
  const status = useRef<HTMLDivElement>(null);
  // Draws run one after another: two at once would share a diagram's target and wipe each other's scratch SVG.
  const drawing = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    const draw = () => void (drawing.current = drawing.current.then(() => renderDiagrams(document, effectiveTheme())));
    draw();
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    window.addEventListener(THEME_CHANGE_EVENT, draw);
    media.addEventListener("change", draw);
    return () => {
      window.removeEventListener(THEME_CHANGE_EVENT, draw);
      media.removeEventListener("change", draw);
    };
  }, [contentKey]);

  useEffect(() => {
    const announce = (button: HTMLElement, message: string) => {
      button.dataset.feedback = message;
      window.setTimeout(() => delete button.dataset.feedback, FEEDBACK_MS);
      if (status.current) status.current.textContent = message;
    };

    const onClick = async (event: MouseEvent) => {
      const button = (event.target as Element | null)?.closest?.("button");
      if (!button || !button.closest(".prose")) return;
      if (button.hasAttribute("data-copy-button")) {
        const code = button.closest("[data-code-block]")?.querySelector("pre code")?.textContent ?? "";
        announce(button, (await copyText(code)) ? "Copied" : "Copy failed");
        return;
      }
      const open = openFileRequestOf(button);
      if (open) {
        announce(button, requestOpenFile(open) ? `Opened ${open.path}` : `Start the lab to open ${open.path} in the editor`);
        return;
      }
      const block = button.closest<HTMLElement>("[data-run]");
      const command = block?.dataset.command;
      if (!block || command === undefined) return;
      const mode = block.dataset.run === "copy" ? "copy" : "exec";
      if (mode === "exec" && requestRun({ command, mode })) {
        announce(button, "Sent to the terminal");
        return;
      }
      const copied = await copyText(command);
      announce(button, !copied ? "Copy failed" : mode === "exec" ? "Copied — start the lab to run it" : "Copied");
    };

    document.addEventListener("click", onClick);
    return () => document.removeEventListener("click", onClick);
  }, []);

  return <div ref={status} className="sr-only" role="status" aria-live="polite" />;
}
