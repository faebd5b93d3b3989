/**
 * Pure path helpers for the editor: joining a listed name onto its directory, a file's name and language, and
 * which host an `editor:` link means when it names none (the first host whose editor paths hold the file).
 */

export function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? `${dir}${name}` : `${dir}/${name}`;
}

export function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, "");
  return trimmed.slice(trimmed.lastIndexOf("/") + 1) || "/";
}

export function isWithin(path: string, root: string): boolean {
  const r = root.replace(/\/+$/, "");
  return r === "" || path === r || path.startsWith(`${r}/`);
}

/** What is wrong with a path typed for a new file (null when it can be created): where, and why not. */
export function newFileProblem(path: string, roots: readonly string[]): string | null {
  if (!path.startsWith("/")) return "give the full path, starting with /";
  if (path.endsWith("/")) return "the path names a folder; add a file name";
  if (path.split("/").some((part) => part === ".." || part === ".")) return "the path may not contain . or .. parts";
  if (!roots.some((root) => isWithin(path, root) && path !== root.replace(/\/+$/, ""))) return `new files go under ${roots.join(" or ")}`;
  return null;
}

/** The host an open-file request means: the named one if it has an editor, else the first that holds the path. */
export function hostForPath(hosts: readonly { name: string; editorPaths: readonly string[] }[], path: string, named?: string): string | null {
  const editable = hosts.filter((h) => h.editorPaths.length > 0);
  if (named) return editable.some((h) => h.name === named) ? named : null;
  return editable.find((h) => h.editorPaths.some((root) => isWithin(path, root)))?.name ?? null;
}

const BY_EXTENSION: Record<string, string> = {
  sh: "shell", bash: "shell", zsh: "shell", yaml: "yaml", yml: "yaml", json: "json", md: "markdown", py: "python",
  js: "javascript", mjs: "javascript", cjs: "javascript", ts: "typescript", go: "go", rs: "rust", java: "java",
  c: "c", h: "c", cpp: "cpp", html: "html", css: "css", xml: "xml", toml: "ini", ini: "ini", conf: "ini",
  tf: "hcl", sql: "sql", rb: "ruby", php: "php", lua: "lua",
};

const BY_NAME: Record<string, string> = { dockerfile: "dockerfile", containerfile: "dockerfile", makefile: "makefile", ".bashrc": "shell", ".profile": "shell" };

/** Monaco's language id for a file, "plaintext" when unknown. */
export function languageOf(path: string): string {
  const name = baseName(path).toLowerCase();
  if (BY_NAME[name]) return BY_NAME[name];
  if (name.startsWith("dockerfile.") || name.endsWith(".dockerfile")) return "dockerfile";
  const dot = name.lastIndexOf(".");
  return dot > 0 ? (BY_EXTENSION[name.slice(dot + 1)] ?? "plaintext") : "plaintext";
}
