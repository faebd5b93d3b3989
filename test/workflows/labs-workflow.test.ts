/**
 * .github/workflows/labs.yml, the workflow lab authors copy: it must stay valid YAML with the shape GitHub
 * expects, run `praxis test` with a JUnit report, and upload that same report. (actionlint also accepts
 * it; this test guards the parts the docs promise.)
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { parseDocument } from "yaml";

const FILE = path.resolve(import.meta.dirname, "../../.github/workflows/labs.yml");

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  "working-directory"?: string;
}

describe(".github/workflows/labs.yml", () => {
  it("is valid YAML that tests the labs with praxis test and uploads the JUnit report", async () => {
    const doc = parseDocument(await readFile(FILE, "utf8"), { uniqueKeys: true });
    assert.deepEqual(doc.errors, []);
    const workflow = doc.toJS() as { name: string; on: Record<string, unknown>; jobs: Record<string, { "runs-on": string; steps: Step[] }> };
    assert.deepEqual(Object.keys(workflow.on).sort(), ["pull_request", "push", "workflow_dispatch"]);
    const job = workflow.jobs["praxis-test"];
    assert.ok(job, "job praxis-test");
    assert.match(job["runs-on"], /^ubuntu-/);
    for (const step of job.steps) assert.ok((step.uses === undefined) !== (step.run === undefined), `step "${step.name}" has exactly one of uses/run`);

    const test = job.steps.find((s) => s.run?.includes("npx praxis test"));
    const junit = /--junit "([^"]+)"/.exec(test?.run ?? "")?.[1];
    assert.equal(junit, "$GITHUB_WORKSPACE/praxis-test-report.xml");
    const upload = job.steps.find((s) => s.uses?.startsWith("actions/upload-artifact@"));
    assert.equal(upload?.with?.path, "praxis-test-report.xml");
    assert.ok(job.steps.some((s) => s.run?.includes("npx praxis validate")));
  });
});
