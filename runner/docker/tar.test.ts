/** The tar encoder, checked by the system's own tar so the format is judged by a real reader. */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { encodeTar } from "./tar";

describe("encodeTar", () => {
  it("produces an archive GNU tar extracts with contents, modes and long paths intact", async () => {
    const dir = await mkdtemp(join(tmpdir(), "praxis-tar-"));
    const long = `${"deep/".repeat(30)}file.txt`; // 158 bytes: needs the ustar prefix field
    const big = new Uint8Array(1500).map((_, i) => i % 251);
    const tar = encodeTar([
      { name: "etc/motd", content: new TextEncoder().encode("hello\n"), mode: 0o644 },
      { name: "bin/run.sh", content: new TextEncoder().encode("#!/bin/sh\n"), mode: 0o755 },
      { name: long, content: big, mode: 0o600 },
    ]);
    assert.equal(tar.length % 512, 0);
    await writeFile(join(dir, "a.tar"), tar);
    execFileSync("tar", ["-xf", "a.tar", "--no-same-owner"], { cwd: dir });
    assert.equal(await readFile(join(dir, "etc/motd"), "utf8"), "hello\n");
    assert.equal((await stat(join(dir, "bin/run.sh"))).mode & 0o777, 0o755);
    assert.deepEqual(new Uint8Array(await readFile(join(dir, long))), big);
  });

  it("rejects a path that cannot be represented", () => {
    assert.throws(() => encodeTar([{ name: "x".repeat(300), content: new Uint8Array(), mode: 0o644 }]), /path too long/);
  });
});
