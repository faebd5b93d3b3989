/**
 * gradeLab against FakeEnvironments: partial credit by weight, what happens to each submission file (copy,
 * apply, build; missing; failing command), later steps' setup before the submission, teardown, and the
 * cases where grading cannot run. Also the text and GitHub Classroom renderings of one result.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Grading } from "../../labs/index";
import { FakeEnvironments } from "../testing/fake-environments";
import { fakeLab } from "../testing/fake-labs";
import { classroomError, classroomResult, encodeClassroom } from "./classroom";
import { formatGrade } from "./format-text";
import { gradeLab, GradingError } from "./grade";
import { memorySubmission } from "./submission";

const grading: Grading = {
  submission: [
    { file: "index.html", action: { kind: "copy", host: "ws", to: "/srv/index.html", mode: 0o644 } },
    { file: "site.conf", action: { kind: "copy", host: "ws", to: "/etc/site.conf", mode: 0o600 } },
    { file: "robots.txt", action: { kind: "copy", host: "ws", to: "/srv/robots.txt", mode: 0o644 } },
  ],
};

const lab = fakeLab(
  "site",
  [
    { id: "page", checks: [["has a title", "require-file /srv/index.html <title>", 2], ["has a heading", "require-file /srv/index.html <h1>", 1]] },
    {
      id: "config",
      setup: ["set config-ready"],
      checks: [["port 8080", "require config-ready\nrequire-file /etc/site.conf port = 8080", 3], ["robots", "require-file /srv/robots.txt Disallow", 1]],
    },
  ],
  grading,
);

describe("gradeLab", () => {
  it("scores each check by its weight: partial credit, missing files reported, environment removed", async () => {
    const envs = new FakeEnvironments();
    const result = await gradeLab(lab, envs, memorySubmission({ "index.html": "<title>Hi</title>", "site.conf": "port = 8080" }), { keep: false });
    assert.deepEqual(result.score, { earned: 5, max: 7 });
    assert.deepEqual(
      result.checks.map((c) => [c.step.id, c.name, c.points, c.weight, c.message]),
      [
        ["page", "has a title", 2, 2, ""],
        ["page", "has a heading", 0, 1, '/srv/index.html does not contain "<h1>"'],
        ["config", "port 8080", 3, 3, ""],
        ["config", "robots", 0, 1, "/srv/robots.txt does not exist"],
      ],
    );
    assert.deepEqual(
      result.submission.map((s) => [s.file, s.status, s.message]),
      [
        ["index.html", "applied", "copied to /srv/index.html on ws"],
        ["site.conf", "applied", "copied to /etc/site.conf on ws"],
        ["robots.txt", "missing", "robots.txt is not in the submission"],
      ],
    );
    // The later step's setup ran before the files were put in place; the environment is gone afterwards.
    assert.deepEqual(envs.log.slice(0, 3), ["script ws: set config-ready", "copy ws:/srv/index.html (644)", "copy ws:/etc/site.conf (600)"]);
    assert.equal(envs.live.size, 0);
    assert.equal(result.keptEnvironment, undefined);
  });

  it("apply stages the file and runs kubectl in the host; a failing command is reported with its output", async () => {
    const envs = new FakeEnvironments();
    const applyLab = fakeLab("k", [{ id: "one", checks: ["require deployed"] }], {
      submission: [{ file: "k8s/web.yaml", action: { kind: "apply", host: "ws", namespace: "shop" } }],
    });
    const result = await gradeLab(applyLab, envs, memorySubmission({ "k8s/web.yaml": "kind: Deployment" }), { keep: false });
    assert.ok(envs.log.includes("copy ws:/tmp/praxis-submission/k8s/web.yaml (644)"));
    assert.ok(envs.log.includes("script ws: set -e; kubectl apply -f '/tmp/praxis-submission/k8s/web.yaml' -n 'shop'"), envs.log.join("\n"));
    // The fake shell has no kubectl: the failure reaches the student with the command's output.
    assert.deepEqual(result.submission[0], {
      file: "k8s/web.yaml",
      action: "apply",
      host: "ws",
      status: "failed",
      message: "kubectl apply exited with 127:\nfake shell: unknown command kubectl",
    });
    assert.deepEqual(result.score, { earned: 0, max: 1 });
  });

  it("build stages the build context and runs docker build with the Dockerfile", async () => {
    const envs = new FakeEnvironments();
    const buildLab = fakeLab("b", [{ id: "one" }], { submission: [{ file: "docker/Dockerfile", action: { kind: "build", host: "ws", tag: "app:1", context: "app" } }] });
    await gradeLab(buildLab, envs, memorySubmission({ "docker/Dockerfile": "FROM scratch", "app/main.go": "package main", "README.md": "not in the context" }), { keep: false });
    assert.deepEqual(envs.log.filter((l) => l.startsWith("copy") || l.startsWith("script")), [
      "copy ws:/tmp/praxis-submission/app/main.go (644)",
      "copy ws:/tmp/praxis-submission/docker/Dockerfile (644)",
      "script ws: set -e; docker build -t 'app:1' -f '/tmp/praxis-submission/docker/Dockerfile' '/tmp/praxis-submission/app'",
    ]);
  });

  it("--keep keeps the environment; a lab without grading, a failed provisioning or setup cannot be graded", async () => {
    const envs = new FakeEnvironments();
    const kept = await gradeLab(lab, envs, memorySubmission({}), { keep: true });
    assert.equal(kept.keptEnvironment, "fake1");
    assert.ok(envs.live.has("fake1"));

    await assert.rejects(gradeLab(fakeLab("x", [{ id: "one" }]), envs, memorySubmission({}), { keep: false }), (e: Error) => e instanceof GradingError && /has no `grading` section/.test(e.message));
    envs.failUp = "start-hosts: no space left";
    await assert.rejects(gradeLab(lab, envs, memorySubmission({}), { keep: false }), { name: "GradingError", message: "provisioning failed: start-hosts: no space left" });
    envs.failUp = undefined;
    const badSetup = fakeLab("x", [{ id: "one" }, { id: "two", setup: ["echo broken\nexit 2"] }], grading);
    await assert.rejects(gradeLab(badSetup, envs, memorySubmission({}), { keep: false }), { message: "the setup of step two exited with 2 (a problem with the lab, not the submission):\nbroken" });
    assert.deepEqual([...envs.live], ["fake1"], "failed gradings leave nothing behind");
  });

  it("renders text and GitHub Classroom results", async () => {
    const result = await gradeLab(lab, new FakeEnvironments(), memorySubmission({ "index.html": "<title>Hi</title>", "site.conf": "port = 8080" }), { keep: false });
    const text = formatGrade(result);
    assert.match(text, /^Submission\n  ✓ index\.html: copied to \/srv\/index\.html on ws\n/);
    assert.match(text, /\n  ✗ 0\/1  page › has a heading\n      \/srv\/index\.html does not contain "<h1>"\n/);
    assert.match(text, /\nScore: 5\/7 \(71%\)\n$/);

    const encoded = encodeClassroom(classroomResult(result, "labs/site/lab.yaml", (s, c) => 10 * (s + 1) + c));
    assert.match(encoded, /^[A-Za-z0-9+/]+=*$/);
    const decoded = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
    assert.deepEqual(decoded.version, 1);
    assert.equal(decoded.status, "fail");
    assert.equal(decoded.max_score, 7);
    assert.equal(decoded.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0), 5);
    assert.deepEqual(decoded.tests[1], {
      name: "page: has a heading",
      status: "fail",
      score: 0,
      message: '/srv/index.html does not contain "<h1>"',
      test_code: 'script check "has a heading" of step page',
      filename: "labs/site/lab.yaml",
      line_no: 11,
      duration: 1,
    });
    assert.deepEqual(classroomError("provisioning failed", 7), {
      version: 1,
      status: "error",
      max_score: 7,
      tests: [{ name: "praxis grade", status: "error", score: 0, message: "provisioning failed", test_code: "praxis grade", filename: "", line_no: 0, duration: 0 }],
    });
  });
});
