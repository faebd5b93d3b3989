/**
 * The three outputs of `praxis test` from one set of results: the table with file:line problems, JUnit XML
 * (counts, failure/error/skipped elements, escaping), and GitHub Actions annotations (escaping rules).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { githubAnnotations } from "./annotations";
import { junitXml } from "./junit";
import type { Locate } from "./locate";
import { formatReport } from "./report-table";
import type { LabTestResult } from "./results";

const locate: Locate = (_file, at) => ({ line: at.length === 0 ? 1 : 10 + at.length, column: 5 });
const display = (file: string) => file.replace("/repo/", "");

const results: LabTestResult[] = [
  {
    labId: "good",
    labFile: "/repo/labs/good/lab.yaml",
    startedAt: new Date("2026-01-02T03:04:05.678Z"),
    durationMs: 2500,
    passed: true,
    phases: [
      { phase: "provision", status: "passed", durationMs: 1200, problems: [] },
      { phase: "solve", step: { id: "one", index: 0 }, status: "passed", durationMs: 300, problems: [] },
      { phase: "teardown", status: "passed", durationMs: 1000, problems: [] },
    ],
  },
  {
    labId: "bad",
    labFile: "/repo/labs/bad/lab.yaml",
    startedAt: new Date("2026-01-02T03:05:00.000Z"),
    durationMs: 65_000,
    passed: false,
    keptEnvironment: "abc123",
    phases: [
      { phase: "provision", status: "passed", durationMs: 1000, problems: [] },
      {
        phase: "fail-before-solve",
        step: { id: "greet", index: 0 },
        status: "failed",
        durationMs: 400,
        problems: [{ message: 'check "a <b> & c" already passes, 100%: broken, really', at: ["steps", 0, "checks", 1] }],
      },
      {
        phase: "pass-after-solve",
        step: { id: "greet", index: 0 },
        status: "error",
        durationMs: 63_600,
        problems: [{ message: "could not be run:\nline two\x1b[31m", at: ["steps", 0, "checks", 0] }],
      },
      { phase: "solve", step: { id: "later", index: 1 }, status: "skipped", durationMs: 0, problems: [], note: "skipped: greet failed" },
    ],
  },
];

describe("praxis test reports", () => {
  it("table: one row per phase with times, problems as file:line, the kept environment and a summary", () => {
    const text = formatReport(results, locate, display);
    assert.match(text, /^LAB   STEP   PHASE                     RESULT   TIME\ngood  -      provision                 ok       1\.2s\n/);
    assert.match(text, /\nbad   greet  checks pass after solve   ERROR    1m04s\nbad   later  solve                     skipped  -\n/);
    assert.match(text, /✗ bad › greet › checks fail before solve\n  labs\/bad\/lab\.yaml:14: check "a <b> & c" already passes/);
    assert.match(text, /labs\/bad\/lab\.yaml:14: could not be run:\n    line two/);
    assert.match(text, /praxis env shell abc123/);
    assert.match(text, /praxis env down abc123/);
    assert.match(text, /\n✗ 1 of 2 labs failed \(2 problems: bad\) in 1m08s\n$/);
  });

  it("JUnit: a testsuite per lab, a testcase per phase, failure / error / skipped, escaped and without control characters", () => {
    const xml = junitXml(results, locate, display);
    assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="praxis test" tests="7" failures="1" errors="1" skipped="1" time="67\.500">\n/);
    assert.match(xml, /<testsuite name="good" tests="3" failures="0" errors="0" skipped="0" time="2\.500" timestamp="2026-01-02T03:04:05" file="labs\/good\/lab\.yaml">/);
    assert.match(xml, /<testcase name="one › solve" classname="good" time="0\.300" file="labs\/good\/lab\.yaml" line="12"\/>/);
    assert.match(
      xml,
      /<testcase name="greet › checks fail before solve" classname="bad" time="0\.400" file="labs\/bad\/lab\.yaml" line="14">\n {6}<failure message="check &quot;a &lt;b&gt; &amp; c&quot; already passes, 100%: broken, really" type="fail-before-solve">labs\/bad\/lab\.yaml:14: check/,
    );
    assert.match(xml, /<error message="could not be run:" type="pass-after-solve">labs\/bad\/lab\.yaml:14: could not be run:\nline two\[31m<\/error>/);
    assert.match(xml, /<skipped message="skipped: greet failed"\/>/);
    assert.ok(!xml.includes("\x1b"));
    assert.match(xml, /<\/testsuites>\n$/);
  });

  it("GitHub annotations: one ::error per problem at its line, with the runner's escaping", () => {
    const text = githubAnnotations(results, locate, (file) => file.replace("/repo/", ""));
    assert.equal(
      text,
      "::error file=labs/bad/lab.yaml,line=14,col=5,title=praxis test%3A bad › greet › checks fail before solve::check \"a <b> & c\" already passes, 100%25: broken, really\n" +
        "::error file=labs/bad/lab.yaml,line=14,col=5,title=praxis test%3A bad › greet › checks pass after solve::could not be run:%0Aline two\x1b[31m\n",
    );
  });
});
