"use client";
/**
 * The player's right pane: a tab per terminal (one per host to start with, "+" opens more on a host), one
 * editor tab over the hosts' editable files, and a tab per web service a host declares. Tabs follow the
 * WAI-ARIA pattern (arrow keys, Home/End); terminals stay connected while hidden. Run buttons in the
 * instructions type into the terminal in front (or the last one used), and `editor:` links open the file in
 * the editor at their line; both arrive as window events from the Markdown enhancer.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { OPEN_FILE_EVENT, type OpenFileRequest } from "../markdown/open-file-event";
import { RUN_EVENT, type RunRequest } from "../markdown/run-event";
import { closeTerminal as closeTerminalShell } from "../lab-session/session-api";
import { TerminalView, type TerminalHandle } from "../lab-session/TerminalView";
import { EditorPanel } from "./EditorPanel";
import { hostForPath } from "./file-paths";
import type { PlayerHost, PlayerService } from "./player-lab";
import { ServicePanel } from "./ServicePanel";
import { addTerminal, removeTerminal, restoreTerminals, type TerminalTabs } from "./terminal-tabs";

interface Tab {
  id: string;
  label: string;
  kind: "terminal" | "editor" | "service";
  host?: string;
  terminalId?: string;
  service?: PlayerService;
}

const storageKey = (sessionId: string) => `praxis-terminals:${sessionId}`;
const domId = (id: string) => `ws-${id.replace(/[^A-Za-z0-9_-]/g, "-")}`;

export function Workspace({ sessionId, hosts, services }: { sessionId: string; hosts: PlayerHost[]; services: PlayerService[] }) {
  const terminalHosts = useMemo(() => hosts.filter((h) => h.terminal).map((h) => h.name), [hosts]);
  const editorHosts = useMemo(() => hosts.filter((h) => h.editorPaths.length > 0), [hosts]);
  const [terminals, setTerminals] = useState<TerminalTabs>(() => restoreTerminals(terminalHosts, typeof window === "undefined" ? null : window.localStorage.getItem(storageKey(sessionId))));
  const tabs: Tab[] = useMemo(
    () => [
      ...terminalHosts.flatMap((host) =>
        (terminals[host] ?? ["main"]).map((terminalId): Tab => ({ id: `term:${host}:${terminalId}`, label: terminalId === "main" ? host : `${host} (${terminalId})`, kind: "terminal", host, terminalId })),
      ),
      ...(editorHosts.length > 0 ? [{ id: "editor", label: "Editor", kind: "editor" as const }] : []),
      ...services.map((service): Tab => ({ id: `svc:${service.host}:${service.port}`, label: service.name, kind: "service", service })),
    ],
    [terminalHosts, terminals, editorHosts.length, services],
  );
  const [active, setActive] = useState(tabs[0]?.id ?? "");
  const [opened, setOpened] = useState(() => new Set([tabs[0]?.id ?? ""]));
  const [openRequest, setOpenRequest] = useState<(OpenFileRequest & { host: string; nonce: number }) | null>(null);
  const handles = useRef(new Map<string, TerminalHandle>());
  const lastTerminal = useRef<string | null>(null);
  const tabRefs = useRef(new Map<string, HTMLButtonElement>());

  const show = (id: string) => {
    setActive(id);
    setOpened((o) => (o.has(id) ? o : new Set(o).add(id)));
    if (id.startsWith("term:")) lastTerminal.current = id;
  };

  useEffect(() => {
    window.localStorage.setItem(storageKey(sessionId), JSON.stringify(terminals));
  }, [sessionId, terminals]);

  // Run buttons: the terminal in front, else the one used last, else the first.
  const activeRef = useRef(active);
  activeRef.current = active;
  useEffect(() => {
    const onRun = (event: Event) => {
      const { command } = (event as CustomEvent<RunRequest>).detail;
      const target = [activeRef.current, lastTerminal.current, tabs.find((t) => t.kind === "terminal")?.id].find((id) => id && id.startsWith("term:") && handles.current.has(id));
      if (!target) return;
      event.preventDefault();
      show(target);
      const handle = handles.current.get(target)!;
      handle.send(command.endsWith("\n") ? command : `${command}\n`);
      handle.focus();
    };
    const onOpen = (event: Event) => {
      const request = (event as CustomEvent<OpenFileRequest>).detail;
      const host = hostForPath(editorHosts, request.path, request.host);
      if (!host) return;
      event.preventDefault();
      show("editor");
      setOpenRequest((r) => ({ ...request, host, nonce: (r?.nonce ?? 0) + 1 }));
    };
    window.addEventListener(RUN_EVENT, onRun);
    window.addEventListener(OPEN_FILE_EVENT, onOpen);
    return () => {
      window.removeEventListener(RUN_EVENT, onRun);
      window.removeEventListener(OPEN_FILE_EVENT, onOpen);
    };
  });

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const at = tabs.findIndex((t) => t.id === active);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = tabs[(to + tabs.length) % tabs.length]!;
    show(next.id);
    tabRefs.current.get(next.id)?.focus();
  };

  const newTerminal = (host: string) => {
    const { tabs: next, added } = addTerminal(terminals, host);
    if (!added) return;
    setTerminals(next);
    show(`term:${host}:${added}`);
  };
  const closeTerminal = (host: string, terminalId: string) => {
    setTerminals((t) => removeTerminal(t, host, terminalId));
    show(`term:${host}:main`);
    // The tab is gone either way; a shell that could not be ended now ends with the environment.
    closeTerminalShell(sessionId, host, terminalId).catch((err: unknown) => console.warn(`closing terminal ${host}/${terminalId}:`, err));
  };

  return (
    <section className="workspace" aria-label="Workspace">
      <div className="workspace-tabs">
        <div role="tablist" aria-label="Terminals, editor and services" className="tab-list">
          {tabs.map((tab) => (
            <button
              key={tab.id}
              ref={(el) => void (el ? tabRefs.current.set(tab.id, el) : tabRefs.current.delete(tab.id))}
              type="button"
              role="tab"
              id={`${domId(tab.id)}-tab`}
              aria-controls={`${domId(tab.id)}-panel`}
              aria-selected={tab.id === active}
              tabIndex={tab.id === active ? 0 : -1}
              data-kind={tab.kind}
              className="tab"
              onClick={() => show(tab.id)}
              onKeyDown={onTabKey}
            >
              <span aria-hidden="true" className="tab-icon">
                {tab.kind === "terminal" ? ">_" : tab.kind === "editor" ? "✎" : "◎"}
              </span>
              {tab.label}
            </button>
          ))}
        </div>
        {terminalHosts.map((host) => (
          <button key={host} type="button" className="button button-small tab-add" onClick={() => newTerminal(host)} aria-label={`New terminal on ${host}`} title={`New terminal on ${host}`}>
            +{terminalHosts.length > 1 ? ` ${host}` : ""}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div key={tab.id} role="tabpanel" id={`${domId(tab.id)}-panel`} aria-labelledby={`${domId(tab.id)}-tab`} hidden={tab.id !== active} className="tab-panel" data-kind={tab.kind}>
          {tab.kind === "terminal" ? (
            <TerminalView
              sessionId={sessionId}
              host={tab.host!}
              terminalId={tab.terminalId}
              label={tab.label}
              visible={tab.id === active}
              onClose={tab.terminalId === "main" ? undefined : () => closeTerminal(tab.host!, tab.terminalId!)}
              onHandle={(h) => void (h ? handles.current.set(tab.id, h) : handles.current.delete(tab.id))}
            />
          ) : null}
          {tab.kind === "editor" && opened.has(tab.id) ? <EditorPanel sessionId={sessionId} hosts={editorHosts} request={openRequest} visible={tab.id === active} /> : null}
          {tab.kind === "service" && opened.has(tab.id) ? <ServicePanel sessionId={sessionId} service={tab.service!} /> : null}
        </div>
      ))}
    </section>
  );
}
