/**
 * The editor's file access on a real (temporary) SQLite database with an in-memory files client: roots come
 * from the lab's editor paths, a GET tells a directory from a file, saves reach the host, and another
 * learner's session, an unknown host or a host without editor paths are refused with typed errors.
 */
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { loadLabs, type Lab } from "../../labs/index";
import { openDatabase, type Database } from "../../prisma/db";
import { ensureLearner } from "./lab-sessions";
import { openPath, savePath, SessionFileError, type FilesClient } from "./session-files";

/** A host's files as a map of path → text; directories are the prefixes. Refuses paths outside the roots. */
class MemoryFiles implements FilesClient {
  readonly files = new Map<string, string>([["/root/welcome.txt", "hi\n"], ["/root/notes/a.md", "# A\n"]]);
  readonly roots: string[][] = [];
  private confine(path: string, roots: readonly string[]) {
    this.roots.push([...roots]);
    if (!roots.some((r) => path === r || path.startsWith(`${r}/`))) throw new SessionFileError("forbidden", `${path} is outside ${roots.join(", ")}`);
  }
  async list(_id: string, _host: string, dir: string, roots: readonly string[]) {
    this.confine(dir, roots);
    if (this.files.has(dir)) throw new SessionFileError("conflict", `${dir} is not a directory`);
    const names = new Set<string>();
    for (const p of this.files.keys()) if (p.startsWith(`${dir}/`)) names.add(p.slice(dir.length + 1).split("/")[0]!);
    const entries = [...names].sort().map((name) => ({ name, type: this.files.has(`${dir}/${name}`) ? ("file" as const) : ("directory" as const), size: 0, mode: 0o644 }));
    return { path: dir, entries, truncated: false };
  }
  async read(_id: string, _host: string, file: string, roots: readonly string[]) {
    this.confine(file, roots);
    const text = this.files.get(file);
    if (text === undefined) throw new SessionFileError("not_found", `${file} does not exist`);
    return { path: file, size: text.length, mode: 0o644, kind: "text" as const, text };
  }
  async write(_id: string, _host: string, file: string, roots: readonly string[], content: string) {
    this.confine(file, roots);
    this.files.set(file, content);
    return { path: file, size: content.length };
  }
}

describe("session files", () => {
  let dir = "";
  let db: Database;
  let lab: Lab;
  const files = new MemoryFiles();
  const deps = () => ({ prisma: db.prisma, loadLab: async () => lab, files });

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "praxis-files-"));
    db = await openDatabase({ dataDir: dir });
    const { labs } = await loadLabs([path.resolve(import.meta.dirname, "../../content/labs")]);
    lab = labs.find((l) => l.metadata.id === "first-container")!;
  });
  after(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function sessionOf(labId = "first-container") {
    const { id: learner } = await ensureLearner(db.prisma, undefined);
    const row = await db.prisma.labSession.create({ data: { id: `s-${learner.slice(0, 8)}`, userId: learner, labId, state: "ready", expiresAt: new Date(Date.now() + 60_000) } });
    return { learner, sessionId: row.id };
  }

  it("lists a directory and reads a file with the lab's editor paths as roots", async () => {
    const { learner, sessionId } = await sessionOf();
    const listing = await openPath(deps(), learner, sessionId, "workstation", "/root");
    assert.equal(listing.kind, "directory");
    assert.deepEqual(listing.kind === "directory" && listing.entries.map((e) => [e.name, e.type]), [["notes", "directory"], ["welcome.txt", "file"]]);
    const file = await openPath(deps(), learner, sessionId, "workstation", "/root/welcome.txt");
    assert.deepEqual(file, { kind: "file", path: "/root/welcome.txt", size: 3, mode: 0o644, content: { kind: "text", text: "hi\n" } });
    assert.deepEqual(files.roots.at(-1), lab.environment.hosts[0]!.editorPaths);
  });

  it("saves a file to the host", async () => {
    const { learner, sessionId } = await sessionOf();
    assert.deepEqual(await savePath(deps(), learner, sessionId, "workstation", "/root/notes/b.md", "# B\n"), { path: "/root/notes/b.md", size: 4 });
    assert.equal(files.files.get("/root/notes/b.md"), "# B\n");
  });

  it("refuses another learner's session, unknown hosts, hosts without editor paths, and paths outside the roots", async () => {
    const { sessionId } = await sessionOf();
    const { id: stranger } = await ensureLearner(db.prisma, undefined);
    const kind = (k: string) => (e: unknown) => e instanceof SessionFileError && e.kind === k;
    await assert.rejects(openPath(deps(), stranger, sessionId, "workstation", "/root"), kind("not_found"));
    const { learner, sessionId: own } = await sessionOf();
    await assert.rejects(openPath(deps(), learner, own, "ghost", "/root"), kind("not_found"));
    await assert.rejects(openPath(deps(), learner, own, "workstation", "/etc/passwd", "file"), kind("forbidden"));
    const noEditor: Lab = { ...lab, environment: { hosts: lab.environment.hosts.map((h) => ({ ...h, editorPaths: [] })) } };
    await assert.rejects(openPath({ ...deps(), loadLab: async () => noEditor }, learner, own, "workstation", "/root"), /has no editable paths/);
  });
});
