/**
 * Editor file access against a real container: confinement (traversal, symlinks out of the root),
 * binary detection, size limits, and writes that keep mode and owner.
 */
import { after, before, describe, it } from "node:test";
import assert from "node:assert/strict";
import { DockerodeRuntime } from "../docker/dockerode-runtime";
import { startTestHost, type TestHost } from "../terminal/testing/docker-host";
import { FileAccessError, type FileErrorKind } from "./errors";
import { HostFiles } from "./host-files";

const runtime = new DockerodeRuntime();
const files = new HostFiles(runtime);
const ROOTS = ["/root/lab"];
let host: TestHost;

const SETUP = `
set -e
mkdir -p /root/lab/sub /data
printf 'print("hi")\\n' > /root/lab/app.py
printf '#!/bin/sh\\necho run\\n' > /root/lab/run.sh && chmod 750 /root/lab/run.sh && chown 1000:1000 /root/lab/run.sh
printf 'a\\000b' > /root/lab/blob.bin
printf '\\377\\376latin' > /root/lab/latin1.txt
head -c 2000000 /dev/zero | tr '\\0' x > /root/lab/big.txt
ln -s /etc/shadow /root/lab/shadow
ln -s /etc /root/lab/etc
ln -s app.py /root/lab/alias.py
ln -s /root/lab /lab-link
chown 1000:1000 /data
`;

async function sh(script: string): Promise<string> {
  const r = await runtime.exec(host.containerId, { cmd: ["sh", "-c", script] });
  assert.equal(r.exitCode, 0, r.stderr);
  return r.stdout;
}

async function refused(op: Promise<unknown>, kind: FileErrorKind): Promise<void> {
  await assert.rejects(op, (e: unknown) => e instanceof FileAccessError && e.kind === kind);
}

describe("HostFiles (Docker)", { timeout: 120_000 }, () => {
  before(async () => {
    host = await startTestHost(runtime, "r2-files");
    await sh(SETUP);
  });
  after(async () => host?.dispose());

  it("lists one directory level, directories first", async () => {
    const listing = await files.list(host.containerId, "/root/lab/", ROOTS);
    assert.equal(listing.path, "/root/lab");
    assert.equal(listing.truncated, false);
    assert.deepEqual(listing.entries.map((e) => `${e.type}:${e.name}`), [
      "directory:sub",
      "symlink:alias.py",
      "file:app.py",
      "file:big.txt",
      "file:blob.bin",
      "symlink:etc",
      "file:latin1.txt",
      "file:run.sh",
      "symlink:shadow",
    ]);
    assert.equal(listing.entries.find((e) => e.name === "run.sh")?.mode, 0o750);
  });

  it("reads text, following symlinks that stay inside the root", async () => {
    assert.deepEqual(await files.read(host.containerId, "/root/lab/app.py", ROOTS), {
      path: "/root/lab/app.py",
      size: 12,
      mode: 0o644,
      kind: "text",
      text: 'print("hi")\n',
    });
    const viaAlias = await files.read(host.containerId, "/root/lab/alias.py", ROOTS);
    assert.equal(viaAlias.path, "/root/lab/app.py");
    // A root that is itself a symlink is judged by where it points, too.
    const viaLinkedRoot = await files.read(host.containerId, "/lab-link/app.py", ["/lab-link"]);
    assert.equal(viaLinkedRoot.kind === "text" && viaLinkedRoot.text, 'print("hi")\n');
  });

  it("refuses traversal and symlink escapes", async () => {
    await refused(files.read(host.containerId, "/root/lab/../../etc/shadow", ROOTS), "bad_path");
    await refused(files.read(host.containerId, "/etc/shadow", ROOTS), "outside_root");
    await refused(files.read(host.containerId, "/root/lab/shadow", ROOTS), "outside_root");
    await refused(files.read(host.containerId, "/root/lab/etc/passwd", ROOTS), "outside_root");
    await refused(files.list(host.containerId, "/root/lab/etc", ROOTS), "outside_root");
    await refused(files.write(host.containerId, "/root/lab/shadow", ROOTS, new TextEncoder().encode("x")), "outside_root");
    await refused(files.read(host.containerId, "/root/lab", []), "outside_root");
    assert.match(await sh("head -c 5 /etc/shadow"), /^root:/, "the escape target is untouched");
  });

  it("reports binary files as binary, without content", async () => {
    assert.deepEqual(await files.read(host.containerId, "/root/lab/blob.bin", ROOTS), { path: "/root/lab/blob.bin", size: 3, mode: 0o644, kind: "binary" });
    const latin = await files.read(host.containerId, "/root/lab/latin1.txt", ROOTS);
    assert.equal(latin.kind, "binary");
    assert.ok(!("text" in latin));
  });

  it("enforces the 1 MiB limit and file types", async () => {
    await refused(files.read(host.containerId, "/root/lab/big.txt", ROOTS), "too_large");
    await refused(files.write(host.containerId, "/root/lab/new.txt", ROOTS, new Uint8Array(1024 * 1024 + 1)), "too_large");
    await refused(files.read(host.containerId, "/root/lab/sub", ROOTS), "wrong_type");
    await refused(files.write(host.containerId, "/root/lab/sub", ROOTS, new Uint8Array(1)), "wrong_type");
    await refused(files.read(host.containerId, "/root/lab/missing.txt", ROOTS), "not_found");
    await refused(files.write(host.containerId, "/root/lab/nodir/x.txt", ROOTS, new Uint8Array(1)), "not_found");
  });

  it("writes keep an existing file's mode and owner; new files take the directory's owner", async () => {
    const script = "#!/bin/sh\necho edited ✓\n";
    await files.write(host.containerId, "/root/lab/run.sh", ROOTS, new TextEncoder().encode(script));
    assert.equal(await sh("stat -c '%a %u:%g' /root/lab/run.sh"), "750 1000:1000\n");
    assert.equal(await sh("/root/lab/run.sh"), "edited ✓\n");

    await files.write(host.containerId, "/data/notes.md", ["/data"], new TextEncoder().encode("# notes\n"));
    assert.equal(await sh("stat -c '%a %u:%g' /data/notes.md && cat /data/notes.md"), "644 1000:1000\n# notes\n");

    const bytes = new Uint8Array([0, 1, 2, 255]);
    await files.write(host.containerId, "/root/lab/alias.py", ROOTS, bytes); // through an inside symlink
    assert.equal(await sh("od -An -tx1 /root/lab/app.py | tr -d ' \\n'"), "000102ff");
    assert.equal(await sh("[ -L /root/lab/alias.py ] && echo still-a-link"), "still-a-link\n");
  });
});
