"use client";
/**
 * One host's terminal: xterm.js fitted to its box, connected through terminal-connection.ts. xterm is
 * loaded in the effect (it needs the DOM), output is acknowledged from xterm's write callback, and the
 * size follows the box. The connection status is announced for screen readers and tests.
 */
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef, useState } from "react";
import { connectTerminal, type ConnectionStatus } from "./terminal-connection";
import { SessionRequestError, terminalUrl } from "./session-api";

export function TerminalView({ sessionId, host }: { sessionId: string; host: string }) {
  const box = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState<{ status: ConnectionStatus; detail?: string }>({ status: "connecting" });

  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void (async () => {
      const [{ Terminal }, { FitAddon }] = await Promise.all([import("@xterm/xterm"), import("@xterm/addon-fit")]);
      if (disposed || !box.current) return;
      const term = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 5000, convertEol: false });
      const fit = new FitAddon();
      term.loadAddon(fit);
      term.open(box.current);
      fit.fit();
      const connection = connectTerminal({
        ticketUrl: () => terminalUrl(sessionId, host),
        write: (data, done) => term.write(data, done),
        onStatus: (s, detail) => setStatus({ status: s, detail }),
        size: () => ({ cols: term.cols, rows: term.rows }),
        // 404: the session is gone (stopped or expired); retrying cannot help.
        shouldRetry: (err) => !(err instanceof SessionRequestError && err.status === 404),
      });
      const input = term.onData((text) => connection.send(text));
      const resized = term.onResize(({ cols, rows }) => connection.resize(cols, rows));
      const observer = new ResizeObserver(() => fit.fit());
      observer.observe(box.current);
      term.focus();
      cleanup = () => {
        observer.disconnect();
        input.dispose();
        resized.dispose();
        connection.close();
        term.dispose();
      };
    })();
    return () => {
      disposed = true;
      cleanup();
    };
  }, [sessionId, host]);

  return (
    <section className="terminal-panel" aria-label={`Terminal on ${host}`}>
      <header className="terminal-header">
        <span className="terminal-host">{host}</span>
        <span className="terminal-status" role="status" data-status={status.status}>
          {status.status}
          {status.detail ? `: ${status.detail}` : ""}
        </span>
      </header>
      <div className="terminal-box" ref={box} data-testid={`terminal-${host}`} />
    </section>
  );
}
