"use client";
/**
 * One terminal on a host: xterm.js fitted to its box, with clickable web links and a search bar (Ctrl+Shift+F
 * or the Search button), connected through terminal-connection.ts. xterm is loaded in the effect (it needs the
 * DOM), output is acknowledged from xterm's write callback, and the size follows the box, including when a
 * hidden tab becomes visible. `terminalId` picks the tmux session on the host ("main" unless the learner
 * opened more), so a reload reattaches to the same shell. The status is announced for screen readers and tests.
 * An instructor's shadow view passes its own `ticketUrl` (a read-only ticket) and `readOnly`: keystrokes are
 * never sent (the runner would drop them anyway) and the box does not take the keyboard.
 */
import "@xterm/xterm/css/xterm.css";
import type { SearchAddon } from "@xterm/addon-search";
import { useEffect, useRef, useState } from "react";
import { connectTerminal, type ConnectionStatus } from "./terminal-connection";
import { SessionRequestError, terminalUrl } from "./session-api";
import { TerminalSearch } from "./TerminalSearch";

/** What the page can do with an open terminal: type a command into it, or focus it. */
export interface TerminalHandle {
  send(text: string): void;
  focus(): void;
}

export interface TerminalViewProps {
  sessionId: string;
  host: string;
  terminalId?: string;
  /** False while the terminal's tab is hidden; becoming visible refits and focuses it. */
  visible?: boolean;
  label?: string;
  onHandle?(handle: TerminalHandle | null): void;
  /** Offered for extra terminals: closing one ends its shell on the host (the main terminal always stays). */
  onClose?(): void;
  /** Where a fresh ticket comes from, instead of the learner's own terminal route (the shadow view's). */
  ticketUrl?: () => Promise<string>;
  /** Watch only: no keystrokes are sent. */
  readOnly?: boolean;
}

const TERMINAL_FONT = "'DejaVu Sans Mono', 'Liberation Mono', ui-monospace, Menlo, Consolas, monospace";

export function TerminalView({ sessionId, host, terminalId = "main", visible = true, label, onHandle, onClose, ticketUrl, readOnly = false }: TerminalViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const fitRef = useRef<(() => void) | null>(null);
  const handleRef = useRef(onHandle);
  handleRef.current = onHandle;
  const [status, setStatus] = useState<{ status: ConnectionStatus; detail?: string }>({ status: "connecting" });
  const [search, setSearch] = useState<{ addon: SearchAddon; open: boolean } | null>(null);

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const [{ Terminal }, { FitAddon }, { WebLinksAddon }, { SearchAddon }] = await Promise.all([
        import("@xterm/xterm"),
        import("@xterm/addon-fit"),
        import("@xterm/addon-web-links"),
        import("@xterm/addon-search"),
      ]);
      if (disposed || !box.current) return;
      // At line height 1 the renderer clips glyphs on the row's bottom edge: underscores vanished
      // (apiserver_requested… read as spaces). A little more height and a font with known metrics keep them.
      const term = new Terminal({ cursorBlink: !readOnly, disableStdin: readOnly, fontSize: 14, lineHeight: 1.2, fontFamily: TERMINAL_FONT, scrollback: 5000, convertEol: false, allowProposedApi: true });
      const fit = new FitAddon();
      const searchAddon = new SearchAddon();
      term.loadAddon(fit);
      term.loadAddon(new WebLinksAddon());
      term.loadAddon(searchAddon);
      term.open(box.current);
      // A hidden box has no size; fitting it would shrink the terminal to nothing.
      const refit = () => {
        if (box.current && box.current.offsetWidth > 0 && box.current.offsetHeight > 0) fit.fit();
      };
      fitRef.current = refit;
      refit();
      const connection = connectTerminal({
        ticketUrl: ticketUrl ?? (() => terminalUrl(sessionId, host, terminalId)),
        write: (data, done) => term.write(data, done),
        onStatus: (s, detail) => setStatus({ status: s, detail }),
        size: () => ({ cols: term.cols, rows: term.rows }),
        // 404: the session is gone (stopped or expired); retrying cannot help.
        shouldRetry: (err) => !(err instanceof SessionRequestError && err.status === 404),
      });
      term.attachCustomKeyEventHandler((e) => {
        if (e.type === "keydown" && e.ctrlKey && e.shiftKey && e.code === "KeyF") {
          setSearch((s) => (s ? { ...s, open: true } : s));
          return false;
        }
        return true;
      });
      const input = term.onData((text) => {
        if (!readOnly) connection.send(text);
      });
      const resized = term.onResize(({ cols, rows }) => connection.resize(cols, rows));
      const observer = new ResizeObserver(refit);
      observer.observe(box.current);
      setSearch({ addon: searchAddon, open: false });
      handleRef.current?.({ send: (text) => connection.send(text), focus: () => term.focus() });
      if (visible && !readOnly) term.focus();
      cleanup = () => {
        handleRef.current?.(null);
        observer.disconnect();
        input.dispose();
        resized.dispose();
        connection.close();
        term.dispose();
        fitRef.current = null;
      };
    })();
    return () => {
      disposed = true;
      cleanup();
    };
    // `visible` only matters at creation; later changes are handled below without reconnecting.
  }, [sessionId, host, terminalId]);

  useEffect(() => {
    if (visible) fitRef.current?.();
  }, [visible]);

  const name = label ?? host;
  return (
    <section className="terminal-panel" aria-label={`Terminal ${name}`} hidden={!visible}>
      <header className="terminal-header">
        <span className="terminal-host">{name}</span>
        <span className="terminal-tools">
          <span className="terminal-status" role="status" data-status={status.status}>
            {status.status}
            {status.detail ? `: ${status.detail}` : ""}
          </span>
          {search ? (
            <button type="button" className="button button-small" aria-expanded={search.open} onClick={() => setSearch({ ...search, open: !search.open })} title="Search the terminal (Ctrl+Shift+F)">
              Search
            </button>
          ) : null}
          {onClose ? (
            <button type="button" className="button button-small" onClick={onClose} aria-label={`Close terminal ${name}`}>
              Close
            </button>
          ) : null}
        </span>
      </header>
      {search?.open ? <TerminalSearch addon={search.addon} onClose={() => setSearch({ ...search, open: false })} /> : null}
      <div className="terminal-box" ref={box} data-testid={terminalId === "main" ? `terminal-${host}` : `terminal-${host}-${terminalId}`} />
    </section>
  );
}
