"use client";
/**
 * The terminal's search bar: type to find (incrementally), Enter for the next match, Shift+Enter for the
 * previous one, Escape to close and return to the shell. Says "No match" in words, not only by colour.
 */
import type { SearchAddon } from "@xterm/addon-search";
import { useEffect, useRef, useState } from "react";

export function TerminalSearch({ addon, onClose }: { addon: SearchAddon; onClose(): void }) {
  const input = useRef<HTMLInputElement>(null);
  const [term, setTerm] = useState("");
  const [found, setFound] = useState(true);

  useEffect(() => {
    input.current?.focus();
    return () => addon.clearDecorations();
  }, [addon]);

  const find = (direction: "next" | "previous", incremental = false) => {
    if (!term) return setFound(true);
    const options = { incremental, decorations: { matchOverviewRuler: "#888", activeMatchColorOverviewRuler: "#fc0", activeMatchBackground: "#665c00" } };
    setFound(direction === "next" ? addon.findNext(term, options) : addon.findPrevious(term, options));
  };

  return (
    <div className="terminal-search" role="search">
      <input
        ref={input}
        type="search"
        value={term}
        aria-label="Search the terminal"
        placeholder="Search…"
        onChange={(e) => setTerm(e.target.value)}
        onKeyUp={(e) => {
          if (e.key.length === 1 || e.key === "Backspace") find("next", true);
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            find(e.shiftKey ? "previous" : "next");
          } else if (e.key === "Escape") {
            e.preventDefault();
            onClose();
          }
        }}
      />
      <button type="button" className="button button-small" onClick={() => find("previous")}>
        Previous
      </button>
      <button type="button" className="button button-small" onClick={() => find("next")}>
        Next
      </button>
      <span className="terminal-search-status" aria-live="polite">
        {found ? "" : "No match"}
      </span>
      <button type="button" className="button button-small" onClick={onClose} aria-label="Close search">
        ×
      </button>
    </div>
  );
}
