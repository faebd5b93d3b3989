/**
 * The Killercoda importer on in-memory scenarios: the lab.yaml it writes, the rewritten pages, assets
 * with globs and modes, environments for each kind of imageid, and the notes for what did not convert.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "yaml";
import { matching } from "./assets";
import { convertScenario, slug } from "./convert";
import { convertPage } from "./markdown";
import { formatNote } from "./notes";
import { InvalidScenario } from "./scenario";

const encoder = new TextEncoder();
function files(entries: Record<string, string>): Map<string, Uint8Array> {
  return new Map(Object.entries(entries).map(([k, v]) => [k, encoder.encode(v)]));
}
const text = (v: Uint8Array | string | undefined) => (typeof v === "string" ? v : new TextDecoder().decode(v));

describe("convertScenario", () => {
  it("maps title, pages, steps with verify/background/foreground and the intro's scripts", () => {
    const result = convertScenario({
      labId: "demo",
      files: files({
        "index.json": JSON.stringify({
          title: "Demo",
          description: "A demo scenario",
          details: {
            intro: { text: "intro.md", background: "init.sh" },
            steps: [
              { title: "Make a pod", text: "s1.md", verify: "s1-verify.sh" },
              { text: "s2.md", background: "s2-bg.sh", foreground: "s2-fg.sh" },
              { title: "Make a pod", text: "s3.md" },
            ],
            finish: { text: "done.md" },
          },
          backend: { imageid: "ubuntu" },
        }),
        "intro.md": "Hi",
        "init.sh": "#!/bin/sh\necho init",
        "s1.md": "Run `kubectl run p --image=nginx`{{exec}}",
        "s1-verify.sh": "kubectl get pod p",
        "s2.md": "Two",
        "s2-bg.sh": "touch /tmp/bg",
        "s2-fg.sh": "echo fg",
        "s3.md": "Three",
        "done.md": "Bye",
      }),
    });
    const lab = parse(text(result.files.get("lab.yaml")));
    assert.deepEqual(lab.metadata, { id: "demo", title: "Demo", summary: "A demo scenario", difficulty: "beginner", estimatedMinutes: 15 });
    assert.deepEqual(lab.environment.hosts[0].setup, [{ script: "setup/intro-background.sh", timeout: "10m" }]);
    assert.equal(lab.intro, "intro.md");
    assert.equal(lab.finish, "finish.md");
    assert.deepEqual(lab.steps, [
      { id: "make-a-pod", title: "Make a pod", checks: [{ kind: "script", name: "Make a pod: verify.sh passes", script: "steps/make-a-pod/verify.sh" }] },
      { id: "step-2", title: "Step 2", setup: [{ script: "steps/step-2/background.sh", timeout: "10m" }, { script: "steps/step-2/foreground.sh", timeout: "10m" }] },
      { id: "make-a-pod-2", title: "Make a pod" },
    ]);
    // Scripts keep their shebang or get bash's; pages keep Killercoda's markers, which Praxis renders.
    assert.equal(text(result.files.get("setup/intro-background.sh")), "#!/bin/sh\necho init");
    assert.equal(text(result.files.get("steps/make-a-pod/verify.sh")), "#!/bin/bash\nkubectl get pod p");
    assert.equal(text(result.files.get("steps/make-a-pod/index.md")), "Run `kubectl run p --image=nginx`{{exec}}");
    assert.equal(text(result.files.get("finish.md")), "Bye");
    assert.ok(result.notes.some((n) => n.message.includes("details.steps[1].foreground runs as a setup script")));
    assert.ok(result.notes.some((n) => n.message.includes("no solve scripts")));
  });

  it("says what the imageid became: cluster, fallback image", () => {
    const envOf = (imageid: string) => {
      const result = convertScenario({ labId: "x", files: files({ "index.json": JSON.stringify({ title: "X", details: { steps: [{ text: "a.md" }] }, backend: { imageid } }), "a.md": "A" }) });
      return { env: parse(text(result.files.get("lab.yaml"))).environment, notes: result.notes.map(formatNote) };
    };
    const twoNodes = envOf("kubernetes-kubeadm-2nodes");
    assert.deepEqual(twoNodes.env.cluster, { nodes: 2 });
    assert.match(twoNodes.notes.join("\n"), /became a 2-node kind cluster; the learner works on host `workstation` with kubectl/);
    const unknown = envOf("rocky-linux-9");
    assert.equal(unknown.env.hosts[0].image, "praxis/workstation");
    assert.equal(unknown.env.cluster, undefined);
    assert.ok(unknown.notes.includes("warning: index.json: Praxis has no image for backend.imageid rocky-linux-9; the lab falls back to praxis/workstation. Build your own image under images/ and set environment.hosts[0].image if the scenario needs more"));
  });

  it("copies assets by path and glob, with modes from chmod, keeping the path below a glob's fixed part", () => {
    const result = convertScenario({
      labId: "x",
      files: files({
        "index.json": JSON.stringify({
          title: "X",
          details: {
            steps: [{ text: "a.md" }],
            assets: {
              host01: [
                { file: "conf.yaml", target: "~/" },
                { file: "app/**/*.json", target: "/srv/app", chmod: "+x" },
                { file: "nothing/*", target: "/x" },
                { file: "conf.yaml", target: "/etc", chmod: "u=rwx" },
              ],
              host02: [{ file: "conf.yaml", target: "/" }],
            },
          },
        }),
        "a.md": "A",
        "assets/conf.yaml": "a: 1",
        "assets/app/one.json": "{}",
        "assets/app/deep/two.json": "{}",
        "assets/app/deep/skip.txt": "",
      }),
    });
    assert.deepEqual(parse(text(result.files.get("lab.yaml"))).environment.hosts[0].files, [
      { source: "assets/conf.yaml", target: "/root/conf.yaml", mode: "0644" },
      { source: "assets/app/deep/two.json", target: "/srv/app/deep/two.json", mode: "0755" },
      { source: "assets/app/one.json", target: "/srv/app/one.json", mode: "0755" },
      { source: "assets/conf.yaml", target: "/etc/conf.yaml", mode: "0644" },
    ]);
    assert.equal(text(result.files.get("assets/app/deep/two.json")), "{}");
    assert.equal(result.files.has("assets/app/deep/skip.txt"), false);
    const notes = result.notes.map(formatNote);
    assert.ok(notes.includes("warning: index.json: details.assets[2]: no file under assets/ matches nothing/*; nothing copied"), notes.join("\n"));
    assert.ok(notes.includes("warning: index.json: chmod u=rwx is not understood; the file gets mode 0644"));
    assert.ok(notes.includes("warning: index.json: details.assets.host02 is not converted: the Praxis lab has one host, workstation (host01)"));
  });

  it("a scenario without steps gets one to edit; a broken index.json is an InvalidScenario", () => {
    const result = convertScenario({ labId: "x", files: files({ "index.json": JSON.stringify({ title: "Only a title", backend: { imageid: "ubuntu" } }) }) });
    assert.deepEqual(parse(text(result.files.get("lab.yaml"))).steps, [{ id: "explore", title: "Explore" }]);
    assert.ok(result.files.has("steps/explore/index.md"));
    assert.throws(() => convertScenario({ labId: "x", files: files({ "index.json": "{ nope" }) }), (e: Error) => e instanceof InvalidScenario && /not valid JSON/.test(e.message));
    assert.throws(() => convertScenario({ labId: "x", files: files({ "index.json": JSON.stringify({ details: { steps: "no" } }) }) }), /details\.steps: /);
    assert.throws(() => convertScenario({ labId: "x", files: files({}) }), /no index\.json/);
  });
});

describe("convertPage", () => {
  it("rewrites markers Praxis lacks, moves <details> into solution and hints, and notes at the author's lines", () => {
    const page = convertPage(
      [
        "<details><summary>Tip</summary>",
        "",
        "Use `ls`.",
        "",
        "</details>",
        "Run `sleep 9`{{exec interrupt}} and `whoami`{{}}.",
        "```yaml{2,3}",
        "a: 1",
        "```",
        "[app]({{TRAFFIC_HOST1_8080}}) ![x](img/a.png) ![y](https://example.com/b.png)",
        "<details><summary><b>Solution</b></summary>",
        "`ls -la`{{exec}}",
        "</details>",
      ].join("\n"),
      "step1.md",
    );
    assert.equal(page.markdown, "Run `sleep 9`{{exec}} and `whoami`.\n```yaml\na: 1\n```\n[app]({{TRAFFIC_HOST1_8080}}) ![x](img/a.png) ![y](https://example.com/b.png)\n");
    assert.deepEqual(page.hints, ["**Tip**\n\nUse `ls`."]);
    assert.equal(page.solution, "`ls -la`{{exec}}\n");
    assert.deepEqual(page.notes.map(formatNote), [
      "warning: step1.md:6: {{exec interrupt}} became {{exec}}: Praxis does not send Ctrl-C before running a command",
      "note: step1.md:7: line highlighting in a code block is not supported; the block is shown without it",
      "warning: step1.md:10: {{TRAFFIC_HOST1_8080}} is a Killercoda placeholder Praxis does not fill; declare port 8080 under the host's `ports` in lab.yaml and learners get a tab for it",
      "warning: step1.md:10: image img/a.png is relative; Praxis does not serve files from the lab folder to pages, so it will not show",
      'note: step1.md:1: <details> "Tip" became a hint',
      'note: step1.md:11: <details> "Solution" became the step\'s solution page',
    ]);
  });
});

describe("helpers", () => {
  it("slug makes DNS labels; globs match like Killercoda's", () => {
    assert.equal(slug("  Create a Pod! (part 2) "), "create-a-pod-part-2");
    assert.equal(slug("???"), "");
    const all = ["a.txt", "run.sh", "app1/readme.md", "app1/config/app.json", "app2/x.json"];
    assert.deepEqual(matching("*", all), ["a.txt", "run.sh"]);
    assert.deepEqual(matching("**", all), all);
    assert.deepEqual(matching("**/*.json", all), ["app1/config/app.json", "app2/x.json"]);
    assert.deepEqual(matching("app*/*.*", all), ["app1/readme.md", "app2/x.json"]);
    assert.deepEqual(matching("./run.sh", all), ["run.sh"]);
  });
});
