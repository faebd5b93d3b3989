"use client";
/**
 * Monaco on one open file: a model per host file (switching tabs keeps each file's undo history and scroll
 * position), the language from the file name, the site's light or dark theme, Ctrl/Cmd+S to save, and a jump to
 * the line an instruction asked for. Loaded only in the browser (next/dynamic, no SSR), from our own server.
 */
import Editor, { loader, type Monaco, type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
import { effectiveTheme, THEME_CHANGE_EVENT } from "../theme/theme-script";
import type { EditorTab } from "./editor-tabs";
import { languageOf } from "./file-paths";
import { modelPath, MONACO_VS_PATH } from "./monaco-path";

// The loader is the library's own process-wide object; pointing it at our server before the first editor
// mounts is the documented way to keep it off the CDN.
loader.config({ paths: { vs: MONACO_VS_PATH } });

type StandaloneEditor = Parameters<OnMount>[0];

export interface CodeEditorProps {
  tab: EditorTab;
  openKeys: readonly string[];
  onChange(key: string, text: string): void;
  /** Ctrl/Cmd+S, with the editor's text at that moment (React state may be a keystroke behind). */
  onSave(key: string, text: string): void;
}

function useMonacoTheme(): string {
  const [theme, setTheme] = useState("light");
  useEffect(() => {
    const update = () => setTheme(effectiveTheme() === "dark" ? "vs-dark" : "light");
    update();
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    window.addEventListener(THEME_CHANGE_EVENT, update);
    media.addEventListener("change", update);
    return () => {
      window.removeEventListener(THEME_CHANGE_EVENT, update);
      media.removeEventListener("change", update);
    };
  }, []);
  return theme;
}

export default function CodeEditor({ tab, openKeys, onChange, onSave }: CodeEditorProps) {
  const editor = useRef<StandaloneEditor | null>(null);
  const monaco = useRef<Monaco | null>(null);
  const current = useRef({ key: tab.key, onSave });
  current.current = { key: tab.key, onSave };
  const theme = useMonacoTheme();
  const [mounted, setMounted] = useState(false);

  const onMount: OnMount = (instance, api) => {
    editor.current = instance;
    monaco.current = api;
    instance.addCommand(api.KeyMod.CtrlCmd | api.KeyCode.KeyS, () => current.current.onSave(current.current.key, instance.getValue()));
    setMounted(true);
  };

  // A (re)load from the host replaces the text; typing never goes through here.
  useEffect(() => {
    const model = editor.current?.getModel();
    if (model && tab.status === "ready" && model.getValue() !== tab.saved && tab.text === tab.saved) model.setValue(tab.saved);
  }, [mounted, tab.key, tab.loads]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || !tab.reveal) return;
    instance.revealLineInCenter(tab.reveal.line);
    instance.setPosition({ lineNumber: tab.reveal.line, column: 1 });
    instance.focus();
  }, [mounted, tab.key, tab.reveal?.nonce]);

  // A closed tab's model goes, so reopening the file shows what is on the host now.
  useEffect(() => {
    const api = monaco.current;
    if (!api) return;
    const keep = new Set(openKeys.map((k) => modelPath(k.slice(0, k.indexOf(":")), k.slice(k.indexOf(":") + 1))));
    for (const model of api.editor.getModels()) if (model.uri.scheme === "praxis" && !keep.has(model.uri.toString(true))) model.dispose();
  }, [mounted, openKeys]);

  return (
    <Editor
      path={modelPath(tab.host, tab.path)}
      defaultValue={tab.saved}
      language={languageOf(tab.path)}
      theme={theme}
      onMount={onMount}
      onChange={(value) => onChange(tab.key, value ?? "")}
      loading={<p className="editor-loading">Loading the editor…</p>}
      options={{ automaticLayout: true, minimap: { enabled: false }, fontSize: 14, scrollBeyondLastLine: false, tabSize: 2, ariaLabel: `Editing ${tab.path} on ${tab.host}` }}
    />
  );
}
