/**
 * The editor's open files as a pure reducer: a tab per host file with its last saved text and the text being
 * edited (dirty when they differ), loading/saving states with plain-words errors, the active tab, and the line
 * an instruction asked to reveal. Opening a file that is already open just activates it (and moves to the line).
 */

export interface EditorTab {
  key: string;
  host: string;
  path: string;
  status: "loading" | "ready" | "binary" | "error";
  saved: string;
  text: string;
  saving: boolean;
  error: string | null;
  /** A line to reveal, with a nonce so asking for the same line twice reveals it again. */
  reveal: { line: number; nonce: number } | null;
  /** Counts loads from the host, so the editor replaces its text on a (re)load and never while typing. */
  loads: number;
}

export interface EditorState {
  tabs: EditorTab[];
  active: string | null;
  nonce: number;
}

export type EditorAction =
  | { type: "open"; host: string; path: string; line?: number }
  | { type: "loaded"; key: string; text: string | null }
  | { type: "failed"; key: string; message: string }
  | { type: "edit"; key: string; text: string }
  | { type: "saving"; key: string }
  | { type: "saved"; key: string; text: string }
  | { type: "saveFailed"; key: string; message: string }
  | { type: "activate"; key: string }
  | { type: "close"; key: string };

export const initialEditor: EditorState = { tabs: [], active: null, nonce: 0 };

export const tabKey = (host: string, path: string) => `${host}:${path}`;
export const isDirty = (tab: EditorTab) => tab.status === "ready" && tab.text !== tab.saved;

function update(state: EditorState, key: string, change: (tab: EditorTab) => EditorTab): EditorState {
  return { ...state, tabs: state.tabs.map((t) => (t.key === key ? change(t) : t)) };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case "open": {
      const key = tabKey(action.host, action.path);
      const nonce = state.nonce + 1;
      const reveal = action.line ? { line: action.line, nonce } : null;
      if (state.tabs.some((t) => t.key === key)) return { ...update(state, key, (t) => ({ ...t, reveal: reveal ?? t.reveal })), active: key, nonce };
      const tab: EditorTab = { key, host: action.host, path: action.path, status: "loading", saved: "", text: "", saving: false, error: null, reveal, loads: 0 };
      return { tabs: [...state.tabs, tab], active: key, nonce };
    }
    case "loaded":
      return update(state, action.key, (t) => {
        // A re-read that lands after the learner started typing must not throw their edits away.
        if (isDirty(t)) return t;
        return action.text === null ? { ...t, status: "binary" } : { ...t, status: "ready", saved: action.text, text: action.text, error: null, loads: t.loads + 1 };
      });
    case "failed":
      return update(state, action.key, (t) => ({ ...t, status: "error", error: action.message }));
    case "edit":
      return update(state, action.key, (t) => ({ ...t, text: action.text }));
    case "saving":
      return update(state, action.key, (t) => ({ ...t, saving: true, error: null }));
    case "saved":
      // The text saved may be older than what is in the editor now (typing during the save): only it is clean.
      return update(state, action.key, (t) => ({ ...t, saving: false, saved: action.text }));
    case "saveFailed":
      return update(state, action.key, (t) => ({ ...t, saving: false, error: action.message }));
    case "activate":
      return state.tabs.some((t) => t.key === action.key) ? { ...state, active: action.key } : state;
    case "close": {
      const at = state.tabs.findIndex((t) => t.key === action.key);
      if (at < 0) return state;
      const tabs = state.tabs.filter((t) => t.key !== action.key);
      const active = state.active === action.key ? (tabs[Math.min(at, tabs.length - 1)]?.key ?? null) : state.active;
      return { ...state, tabs, active };
    }
  }
}
