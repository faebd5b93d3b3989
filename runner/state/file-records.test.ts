/** The JSON-file record store: survives a new instance (a restarted runner), removes, rejects junk. */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { FileRecordStore } from "./file-records";

describe("FileRecordStore", () => {
  let dir = "";
  before(async () => (dir = await mkdtemp(path.join(tmpdir(), "praxis-records-"))));
  after(() => rm(dir, { recursive: true, force: true }));

  it("keeps records across instances and forgets removed ones", async () => {
    const first = FileRecordStore.forRunner(path.join(dir, "data"), "r1");
    await Promise.all([
      first.put("a", { createdAt: "2026-01-01T10:00:00.000Z", expiresAt: "2026-01-01T12:00:00.000Z" }),
      first.put("b", { createdAt: "2026-01-01T10:00:00.000Z", expiresAt: "2026-01-01T11:00:00.000Z", claimed: true }),
    ]);
    await first.remove("a");
    const second = FileRecordStore.forRunner(path.join(dir, "data"), "r1");
    assert.deepEqual([...(await second.all())], [["b", { createdAt: "2026-01-01T10:00:00.000Z", expiresAt: "2026-01-01T11:00:00.000Z", claimed: true }]]);
    assert.equal((await FileRecordStore.forRunner(path.join(dir, "data"), "r2").all()).size, 0);
    assert.match(await readFile(second.file, "utf8"), /"version": 1/);
  });

  it("refuses a file that is not its own, naming it", async () => {
    const file = path.join(dir, "junk.json");
    await writeFile(file, '{"hello": 1}');
    await assert.rejects(new FileRecordStore(file).all(), /junk\.json: not a runner session-record file/);
  });
});
