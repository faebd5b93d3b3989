"use client";
/**
 * The editor tab: the file tree, a tab per open file (● marks unsaved changes), Monaco, and a status line
 * that says whether the file is saved (announced politely, so a screen reader hears "Saved"). Ctrl/Cmd+S
 * saves, anywhere in the panel; closing a tab with unsaved changes asks first. Files open from the tree or from
 * an `editor:` link in the instructions (`request`, at its line). Switching back to the editor re-reads a
 * clean file, so what the terminal changed meanwhile shows up.
 */
import dynamic from "next/dynamic";
import { useEffect, useReducer, useRef, type KeyboardEvent } from "react";
import { editorReducer, initialEditor, isDirty, type EditorTab } from "./editor-tabs";
import { baseName } from "./file-paths";
import { FileTree } from "./FileTree";
import { openFile, saveFile } from "./player-api";
import type { PlayerHost } from "./player-lab";

const CodeEditor = dynamic(() => import("./CodeEditor"), { ssr: false, loading: () => <p className="editor-loading">Loading the editor…</p> });

export interface EditorRequest {
  host: string;
  path: string;
  line?: number;
  nonce: number;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

function statusText(tab: EditorTab): string {
  if (tab.status === "loading") return "Opening…";
  if (tab.status === "binary") return "This file is not text; it cannot be edited here.";
  if (tab.status === "error") return tab.error ?? "This file could not be opened.";
  if (tab.saving) return "Saving…";
  if (tab.error) return `Not saved: ${tab.error}`;
  return isDirty(tab) ? "Unsaved changes (Ctrl+S to save)" : "Saved";
}

export function EditorPanel({ sessionId, hosts, request, visible }: { sessionId: string; hosts: PlayerHost[]; request: EditorRequest | null; visible: boolean }) {
  const [state, dispatch] = useReducer(editorReducer, initialEditor);
  const stateRef = useRef(state);
  stateRef.current = state;

  const load = (host: string, path: string, key: string) =>
    openFile(sessionId, host, path, "file").then(
      (view) => dispatch({ type: "loaded", key, text: view.kind === "file" && view.content.kind === "text" ? view.content.text : null }),
      (err: unknown) => dispatch({ type: "failed", key, message: message(err) }),
    );

  const open = (host: string, path: string, line?: number) => {
    const key = `${host}:${path}`;
    const known = stateRef.current.tabs.find((t) => t.key === key);
    dispatch({ type: "open", host, path, line });
    if (!known || known.status === "error") void load(host, path, key);
  };

  /** Saves the tab; `latest` is the editor's own text when it asks (the state may lag a keystroke behind). */
  const save = (key: string, latest?: string) => {
    const tab = stateRef.current.tabs.find((t) => t.key === key);
    if (!tab || tab.status !== "ready" || tab.saving) return;
    const text = latest ?? tab.text;
    if (text !== tab.text) dispatch({ type: "edit", key, text });
    dispatch({ type: "saving", key });
    saveFile(sessionId, tab.host, tab.path, text).then(
      () => dispatch({ type: "saved", key, text }),
      (err: unknown) => dispatch({ type: "saveFailed", key, message: message(err) }),
    );
  };

  const close = (tab: EditorTab) => {
    if (isDirty(tab) && !window.confirm(`${baseName(tab.path)} has unsaved changes. Close it anyway?`)) return;
    dispatch({ type: "close", key: tab.key });
  };

  useEffect(() => {
    if (request) open(request.host, request.path, request.line);
  }, [request?.nonce]); // only a new request opens a file

  useEffect(() => {
    const tab = stateRef.current.tabs.find((t) => t.key === stateRef.current.active);
    if (visible && tab && tab.status === "ready" && !isDirty(tab) && !tab.saving) void load(tab.host, tab.path, tab.key);
  }, [visible, state.active]); // re-read on showing the editor or switching file

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
      event.preventDefault(); // never the browser's "Save page"
      // Inside Monaco its own Ctrl+S command saves, with the editor's exact text.
      if ((event.target as Element).closest(".monaco-editor")) return;
      if (stateRef.current.active) save(stateRef.current.active);
    }
  };

  const active = state.tabs.find((t) => t.key === state.active) ?? null;
  return (
    <div className="editor-panel" onKeyDown={onKeyDown}>
      <FileTree sessionId={sessionId} hosts={hosts} activeKey={state.active} onOpen={(host, path) => open(host, path)} />
      <div className="editor-main">
        {state.tabs.length > 0 ? (
          <ul className="editor-tabs" aria-label="Open files">
            {state.tabs.map((tab) => (
              <li key={tab.key} className="editor-tab" data-active={tab.key === state.active} data-dirty={isDirty(tab)}>
                <button type="button" aria-current={tab.key === state.active ? "true" : undefined} onClick={() => dispatch({ type: "activate", key: tab.key })} title={`${tab.host}:${tab.path}`}>
                  {baseName(tab.path)}
                  {isDirty(tab) ? (
                    <span className="dirty-mark" aria-label="unsaved changes">
                      {" "}●
                    </span>
                  ) : null}
                </button>
                <button type="button" className="editor-tab-close" aria-label={`Close ${baseName(tab.path)}`} onClick={() => close(tab)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="editor-body">
          {active?.status === "ready" ? (
            <CodeEditor tab={active} openKeys={state.tabs.map((t) => t.key)} onChange={(key, text) => dispatch({ type: "edit", key, text })} onSave={save} />
          ) : active ? (
            <p className="editor-empty">{statusText(active)}</p>
          ) : (
            <p className="editor-empty">Open a file from the list on the left. Ctrl+S (⌘S on a Mac) saves it.</p>
          )}
        </div>
        {active ? (
          <div className="editor-status">
            <span className="editor-path">
              {active.host}:{active.path}
            </span>
            <span role="status" aria-live="polite" data-state={active.saving ? "saving" : isDirty(active) ? "dirty" : "saved"}>
              {statusText(active)}
            </span>
            <button type="button" className="button button-small" onClick={() => save(active.key)} disabled={active.status !== "ready" || active.saving || !isDirty(active)}>
              Save
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
}
