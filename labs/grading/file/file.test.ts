/** File checks, pure part: reading the in-host report and the message for every kind of difference. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { FileExpectation } from "../../format/types-host-checks";
import { judgeFile, needsContent } from "./evaluate";
import { parseFileReport } from "./report";

const CAP = 1024;
const expectation = (e: Partial<FileExpectation>): FileExpectation => ({ exists: true, contains: [], matches: [], ...e });
const report = (stat: string, content?: string) => parseFileReport(`@@praxis:stat@@\n${stat}\n${content === undefined ? "" : `@@praxis:content@@\n${content}`}`, CAP);
const yamlFile = (content: string) => report(`regular file|644|0|0|root|root|${content.length}`, content);

describe("parseFileReport", () => {
  it("reads stat's fields and the content", () => {
    assert.deepEqual(report("regular file|4755|1000|33|app|UNKNOWN|5", "hello"), {
      exists: true, type: "file", mode: 0o4755, uid: 1000, gid: 33, user: "app", size: 5, content: "hello", truncated: false,
    });
    assert.deepEqual(report("absent"), { exists: false });
    assert.equal((report("regular file|644|0|0|root|root|5000", "x".repeat(CAP)) as { truncated: boolean }).truncated, true);
    assert.deepEqual(parseFileReport("@@praxis:error@@\nstat: not found\n", CAP), { error: "stat: not found" });
  });
});

describe("judgeFile", () => {
  it("passes when everything holds, including absence", () => {
    const e = expectation({ mode: 0o644, owner: { user: "root", group: "0" }, contains: ["port"], matches: ["^\\s+port: \\d+$"], parsed: { format: "yaml", partial: { server: { port: 8080 } } } });
    assert.deepEqual(judgeFile("/etc/app.yaml", e, yamlFile("server:\n  port: 8080\n")), { passed: true, message: "" });
    assert.deepEqual(judgeFile("/tmp/lock", expectation({ exists: false }), report("absent")), { passed: true, message: "" });
  });

  it("says what differed, starting with the path", () => {
    const e = expectation({ parsed: { format: "yaml", partial: { server: { port: 8080 } } } });
    assert.equal(judgeFile("/etc/app.yaml", e, yamlFile("server:\n  port: 80\n")).message, "/etc/app.yaml: server.port: expected 8080, got 80");
    assert.equal(judgeFile("/etc/app.yaml", expectation({}), report("absent")).message, "/etc/app.yaml does not exist");
    assert.equal(judgeFile("/tmp/lock", expectation({ exists: false }), report("directory|755|0|0|root|root|4096")).message, "/tmp/lock should not exist, but it does (a directory)");
    assert.equal(
      judgeFile("/usr/local/bin/run", expectation({ mode: 0o755, owner: { user: "app", group: "app" } }), report("regular file|644|0|0|root|root|10")).message,
      "/usr/local/bin/run: mode: expected 0755, got 0644; owner: expected app:app, got root:root",
    );
    assert.equal(
      judgeFile("/etc/nginx.conf", expectation({ contains: ["listen 8080;"], matches: ["^\\s*server_name\\s"] }), report("regular file|644|0|0|root|root|12", "listen 80;\n")).message,
      '/etc/nginx.conf: does not contain "listen 8080;"; nothing matches /^\\s*server_name\\s/',
    );
  });

  it("cannot check the content of a directory, and reports parse errors", () => {
    assert.equal(judgeFile("/srv", expectation({ contains: ["x"] }), report("directory|755|0|0|root|root|4096")).message, "/srv: is a directory, so its content cannot be checked");
    assert.equal(judgeFile("/srv", expectation({ type: "file" }), report("directory|755|0|0|root|root|4096")).message, "/srv: expected a regular file, got a directory");
    assert.match(judgeFile("/a.json", expectation({ parsed: { format: "json" } }), yamlFile("{oops")).message, /^\/a\.json: is not valid JSON: /);
    assert.equal(
      judgeFile("/big.yaml", expectation({ parsed: { format: "yaml" } }), report("regular file|644|0|0|root|root|4096", "a: 1\n".repeat(300))).message,
      "/big.yaml: is too large (4 KiB) to read as YAML",
    );
  });

  it("only reads content when an expectation needs it", () => {
    assert.equal(needsContent(expectation({ mode: 0o600 })), false);
    assert.equal(needsContent(expectation({ parsed: { format: "json" } })), true);
  });
});
