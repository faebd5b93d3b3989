/**
 * `GET /vendor/monaco/vs/…` — the Monaco editor's own files (node_modules/monaco-editor/min), served by the
 * site so the player's editor loads with no CDN: Praxis runs offline and on closed networks. Only .js and
 * .css files below min/vs are served; anything else, or a path that tries to climb out, is 404. The package
 * version is fixed by the lockfile, so browsers may cache the files for a day.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";

export const dynamic = "force-dynamic";

const TYPES: Record<string, string> = { ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8" };

export async function GET(_req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const segments = (await params).path;
  const root = path.join(process.cwd(), "node_modules", "monaco-editor", "min");
  const file = path.resolve(root, ...segments);
  const type = TYPES[path.extname(file)];
  if (segments[0] !== "vs" || !type || !file.startsWith(`${root}${path.sep}vs${path.sep}`)) return new Response("not found", { status: 404 });
  try {
    return new Response(await readFile(file), { headers: { "content-type": type, "cache-control": "public, max-age=86400" } });
  } catch {
    return new Response("not found", { status: 404 });
  }
}
