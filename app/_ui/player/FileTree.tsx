"use client";
/**
 * The editor's file tree: each host's editable paths as roots, directories listed one level at a time when
 * opened (a lab's /root can be large), files opened in a tab on click. Refresh lists the open directories
 * again, for files created in the terminal meanwhile; New file creates an empty file under an editor path and
 * opens it. Directories are buttons with aria-expanded, so the tree works with Tab/Enter/Space and reads
 * correctly in a screen reader.
 */
import { useCallback, useEffect, useState, type FormEvent } from "react";
import { baseName, joinPath, newFileProblem } from "./file-paths";
import { openFile, saveFile, type DirEntryView } from "./player-api";
import type { PlayerHost } from "./player-lab";

type Node = { status: "loading" } | { status: "error"; message: string } | { status: "dir"; entries: DirEntryView[]; truncated: boolean } | { status: "file" };

export interface FileTreeProps {
  sessionId: string;
  hosts: PlayerHost[];
  activeKey: string | null;
  onOpen(host: string, path: string): void;
}

const keyOf = (host: string, path: string) => `${host}:${path}`;

export function FileTree({ sessionId, hosts, activeKey, onOpen }: FileTreeProps) {
  const [nodes, setNodes] = useState<Record<string, Node>>({});
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set(hosts.flatMap((h) => h.editorPaths.map((p) => keyOf(h.name, p)))));

  const load = useCallback(
    (host: string, path: string) => {
      const key = keyOf(host, path);
      setNodes((n) => ({ ...n, [key]: n[key]?.status === "dir" ? n[key]! : { status: "loading" } }));
      openFile(sessionId, host, path).then(
        (view) => setNodes((n) => ({ ...n, [key]: view.kind === "directory" ? { status: "dir", entries: view.entries, truncated: view.truncated } : { status: "file" } })),
        (err: unknown) => setNodes((n) => ({ ...n, [key]: { status: "error", message: err instanceof Error ? err.message : String(err) } })),
      );
    },
    [sessionId],
  );

  useEffect(() => {
    for (const host of hosts) for (const root of host.editorPaths) load(host.name, root);
  }, [hosts, load]);

  const toggle = (host: string, path: string) => {
    const key = keyOf(host, path);
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else {
      next.add(key);
      load(host, path);
    }
    setExpanded(next);
  };

  const refresh = () => {
    for (const key of expanded) {
      const at = key.indexOf(":");
      load(key.slice(0, at), key.slice(at + 1));
    }
  };

  const editable = hosts.filter((h) => h.editorPaths.length > 0);
  const [creating, setCreating] = useState<{ host: string; path: string; problem: string | null; busy: boolean } | null>(null);
  const startCreating = () => {
    const host = editable[0];
    if (host) setCreating({ host: host.name, path: joinPath(host.editorPaths[0]!, ""), problem: null, busy: false });
  };
  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!creating) return;
    const roots = editable.find((h) => h.name === creating.host)?.editorPaths ?? [];
    const problem = newFileProblem(creating.path.trim(), roots);
    if (problem) return setCreating({ ...creating, problem });
    const path = creating.path.trim();
    setCreating({ ...creating, busy: true, problem: null });
    try {
      const existing = await openFile(sessionId, creating.host, path).then(() => true, () => false);
      if (!existing) await saveFile(sessionId, creating.host, path, "");
      setCreating(null);
      refresh();
      onOpen(creating.host, path);
    } catch (err) {
      setCreating({ ...creating, busy: false, problem: err instanceof Error ? err.message : String(err) });
    }
  };

  const renderDir = (host: string, path: string, label: string, depth: number) => {
    const key = keyOf(host, path);
    const node = nodes[key];
    if (node?.status === "file") return renderFile(host, path, label, depth);
    const open = expanded.has(key);
    return (
      <li key={key}>
        <button type="button" className="tree-item tree-dir" style={{ paddingLeft: `${0.5 + depth * 0.9}rem` }} aria-expanded={open} onClick={() => toggle(host, path)}>
          <span aria-hidden="true">{open ? "▾" : "▸"}</span> {label}
        </button>
        {open ? (
          node?.status === "dir" ? (
            <ul>
              {node.entries.map((e) => (e.type === "directory" ? renderDir(host, joinPath(path, e.name), e.name, depth + 1) : renderFile(host, joinPath(path, e.name), e.name, depth + 1)))}
              {node.truncated ? <li className="tree-note">(more files not shown)</li> : null}
              {node.entries.length === 0 ? <li className="tree-note" style={{ paddingLeft: `${1.4 + depth * 0.9}rem` }}>empty</li> : null}
            </ul>
          ) : node?.status === "error" ? (
            <p className="tree-note session-error">{node.message}</p>
          ) : (
            <p className="tree-note">Loading…</p>
          )
        ) : null}
      </li>
    );
  };

  const renderFile = (host: string, path: string, label: string, depth: number) => (
    <li key={keyOf(host, path)}>
      <button type="button" className="tree-item tree-file" style={{ paddingLeft: `${1.4 + depth * 0.9}rem` }} aria-current={activeKey === keyOf(host, path) ? "true" : undefined} onClick={() => onOpen(host, path)} title={path}>
        {label}
      </button>
    </li>
  );

  return (
    <nav className="file-tree" aria-label="Files">
      <div className="file-tree-bar">
        <span className="file-tree-title">Files</span>
        <span className="file-tree-actions">
          <button type="button" className="button button-small" onClick={startCreating} aria-expanded={creating !== null} disabled={editable.length === 0}>
            New file
          </button>
          <button type="button" className="button button-small" onClick={refresh} title="List the files again">
            Refresh
          </button>
        </span>
      </div>
      {creating ? (
        <form className="file-tree-new" onSubmit={create} onKeyDown={(e) => e.key === "Escape" && setCreating(null)}>
          {editable.length > 1 ? (
            <select aria-label="Host" value={creating.host} onChange={(e) => setCreating({ ...creating, host: e.target.value, problem: null })}>
              {editable.map((h) => (
                <option key={h.name}>{h.name}</option>
              ))}
            </select>
          ) : null}
          <input aria-label="Path of the new file" value={creating.path} autoFocus spellCheck={false} onChange={(e) => setCreating({ ...creating, path: e.target.value, problem: null })} aria-invalid={creating.problem !== null} aria-describedby="file-tree-new-problem" />
          <button type="submit" className="button button-small button-primary" disabled={creating.busy}>
            Create
          </button>
          {creating.problem ? (
            <p id="file-tree-new-problem" className="tree-note session-error" role="alert">
              {creating.problem}
            </p>
          ) : null}
        </form>
      ) : null}
      {hosts.map((host) => (
        <div key={host.name}>
          {hosts.length > 1 ? <p className="file-tree-host">{host.name}</p> : null}
          <ul className="file-tree-list">{host.editorPaths.map((root) => renderDir(host.name, root, root === "/" ? "/" : root.length > 24 ? `…/${baseName(root)}` : root, 0))}</ul>
        </div>
      ))}
    </nav>
  );
}
