/**
 * diskSubmission reads only what is asked for, never through a symbolic link out of the folder, and walks
 * a build context with its files in order.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { diskSubmission } from "./disk-submission";

describe("diskSubmission", () => {
  const temps: string[] = [];
  after(async () => {
    for (const t of temps) await rm(t, { recursive: true, force: true });
  });

  it("reads named files, lists a context, and does not follow links out", async () => {
    const base = await mkdtemp(path.join(tmpdir(), "praxis-sub-"));
    temps.push(base);
    const dir = path.join(base, "alice");
    await mkdir(path.join(dir, "app/src"), { recursive: true });
    await writeFile(path.join(dir, "Dockerfile"), "FROM scratch\n");
    await writeFile(path.join(dir, "app/src/main.go"), "package main\n");
    await writeFile(path.join(dir, "app/go.mod"), "module app\n");
    await writeFile(path.join(base, "secret.txt"), "not yours\n");
    await symlink(path.join(base, "secret.txt"), path.join(dir, "leak.txt"));

    const sub = diskSubmission(dir);
    assert.equal(new TextDecoder().decode(await sub.read("Dockerfile")), "FROM scratch\n");
    assert.equal(await sub.read("missing.txt"), undefined);
    assert.equal(await sub.read("app"), undefined, "a folder is not a file");
    assert.equal(await sub.read("leak.txt"), undefined, "a link out of the submission is not read");
    assert.equal(await sub.read("../secret.txt"), undefined);
    assert.deepEqual(await sub.filesUnder("app"), ["app/go.mod", "app/src/main.go"]);
    assert.deepEqual(await sub.filesUnder("."), ["Dockerfile", "app/go.mod", "app/src/main.go"]);
    assert.deepEqual(await sub.filesUnder("nope"), []);
  });
});
