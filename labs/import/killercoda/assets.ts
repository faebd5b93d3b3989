/**
 * Killercoda assets (details.assets.<host>: { file, target, chmod }) as Praxis host `files`. `file` is a
 * path or glob under the scenario's assets/ folder (`*` within a folder, `**` across folders); `target` is
 * the folder it lands in (`~` is root's home). A glob keeps each file's path below the glob's fixed
 * prefix; `chmod` +x becomes mode 0755, anything else 0644.
 */
import type { Note } from "./notes";
import type { ScenarioAsset } from "./scenario";

export interface AssetFile {
  /** Relative to the scenario folder (and to the lab folder, where the file is copied): assets/<file>. */
  source: string;
  target: string;
  mode: string;
}

export function mapAssets(assets: readonly ScenarioAsset[], available: readonly string[], notes: Note[]): AssetFile[] {
  const files: AssetFile[] = [];
  const targets = new Set<string>();
  assets.forEach((asset, i) => {
    const where = `index.json`;
    const matches = matching(asset.file, available);
    if (matches.length === 0) {
      notes.push({ level: "warning", where, message: `details.assets[${i}]: no file under assets/ matches ${asset.file}; nothing copied` });
      return;
    }
    const mode = modeOf(asset.chmod, notes, where);
    const dir = targetDir(asset.target);
    const prefix = fixedPrefix(asset.file);
    for (const file of matches) {
      const below = isGlob(asset.file) ? file.slice(prefix.length) : file.split("/").at(-1)!;
      const target = `${dir}/${below}`.replace(/\/+/g, "/");
      if (targets.has(target)) continue;
      targets.add(target);
      files.push({ source: `assets/${file}`, target, mode });
    }
  });
  return files;
}

function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** The leading folders of a glob that have no wildcard ("app1/**" -> "app1/"). */
function fixedPrefix(pattern: string): string {
  const parts = pattern.split("/");
  const firstWild = parts.findIndex((p) => isGlob(p));
  return firstWild <= 0 ? "" : `${parts.slice(0, firstWild).join("/")}/`;
}

export function matching(pattern: string, available: readonly string[]): string[] {
  const clean = pattern.replace(/^\.\//, "");
  if (!isGlob(clean)) return available.includes(clean) ? [clean] : [];
  const regex = globRegex(clean);
  return available.filter((f) => regex.test(f));
}

function globRegex(pattern: string): RegExp {
  const parts = pattern.split("/");
  const body = parts
    .map((part, i) => {
      const last = i === parts.length - 1;
      if (part === "**") return last ? ".+" : "(?:[^/]+/)*";
      const segment = [...part].map((c) => (c === "*" ? "[^/]*" : c === "?" ? "[^/]" : c.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("");
      return last ? segment : `${segment}/`;
    })
    .join("");
  return new RegExp(`^${body}$`);
}

function targetDir(target: string): string {
  const home = target.replace(/^~(?=\/|$)/, "/root");
  const absolute = home.startsWith("/") ? home : `/root/${home}`;
  return absolute.replace(/\/+$/, "") || "/";
}

function modeOf(chmod: string | undefined, notes: Note[], where: string): string {
  if (chmod === undefined || /^[+]?[rw]+$/.test(chmod.replace(/^[ugoa]*\+/, "+"))) return "0644";
  if (/^[ugoa]*\+[rw]*x[rw]*$/.test(chmod)) return "0755";
  if (/^0?[0-7]{3}$/.test(chmod)) return chmod.padStart(4, "0");
  notes.push({ level: "warning", where, message: `chmod ${chmod} is not understood; the file gets mode 0644` });
  return "0644";
}
