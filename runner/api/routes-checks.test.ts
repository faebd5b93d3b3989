/**
 * The body of `POST /sessions/:id/checks` for every kind: what checkRequest() produces for a lab's checks
 * is accepted as is, and malformed container/file/http bodies are refused (400) before anything runs.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Check } from "../../labs/index";
import { checkRequest } from "../checks/request";
import { CheckBody } from "./routes-checks";

const common = { name: "c", host: "box", timeoutMs: 10_000, intervalMs: 1000, weight: 1 };
const checks: Check[] = [
  { kind: "container", ...common, subject: { kind: "container", name: "app" }, expect: { readOnlyRootfs: true, capabilities: { add: [], drop: ["ALL"] } } },
  { kind: "container", ...common, subject: { kind: "host" }, expect: { user: "1000" } },
  { kind: "file", ...common, path: "/etc/app.yaml", expect: { exists: true, contains: [], matches: [], parsed: { format: "yaml", partial: { a: 1 } } } },
  {
    kind: "http", ...common,
    request: { method: "POST", url: "http://web:8080/x", headers: { Accept: "application/json" }, body: "{}", timeoutMs: 5000 },
    expect: { status: [201], contains: [], matches: [], json: {}, headers: { Server: null } },
  },
];

describe("POST /sessions/:id/checks body", () => {
  it("accepts what checkRequest makes of every host check, unchanged", () => {
    for (const check of checks) {
      const wire = JSON.parse(JSON.stringify(checkRequest(check)));
      const parsed = CheckBody.safeParse(wire);
      assert.ok(parsed.success, `${check.kind}: ${parsed.error?.message}`);
      assert.deepEqual(parsed.data, wire);
    }
  });

  it("refuses malformed host checks", () => {
    const bad = [
      { kind: "file", host: "box", path: "relative", expect: {}, timeoutMs: 1000, intervalMs: 100 },
      { kind: "container", host: "box", subject: { kind: "process" }, expect: {}, timeoutMs: 1000, intervalMs: 100 },
      { kind: "http", host: "box", request: { method: "GET", url: "ftp://x", headers: {}, timeoutMs: 1000 }, expect: {}, timeoutMs: 1000, intervalMs: 100 },
      { kind: "file", path: "/x", expect: {}, timeoutMs: 1000, intervalMs: 100 },
      { kind: "file", host: "box", path: "/x", expect: {}, timeoutMs: 24 * 3_600_000, intervalMs: 100 },
    ];
    for (const body of bad) assert.equal(CheckBody.safeParse(body).success, false, JSON.stringify(body));
  });
});
