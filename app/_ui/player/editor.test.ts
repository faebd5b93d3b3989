/** The editor's pure parts: tabs with dirty state and saves, paths and languages, terminals per host. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { editorReducer, initialEditor, isDirty, type EditorAction, type EditorState } from "./editor-tabs";
import { baseName, hostForPath, joinPath, languageOf, newFileProblem } from "./file-paths";
import { addTerminal, MAX_TERMINALS_PER_HOST, removeTerminal, restoreTerminals } from "./terminal-tabs";

const run = (actions: EditorAction[], from: EditorState = initialEditor) => actions.reduce(editorReducer, from);

describe("editor tabs", () => {
  it("opens a file loading, marks it dirty on edit and clean once saved", () => {
    let s = run([{ type: "open", host: "ws", path: "/root/a.txt" }, { type: "loaded", key: "ws:/root/a.txt", text: "one\n" }]);
    const tab = () => s.tabs[0]!;
    assert.deepEqual([tab().status, isDirty(tab()), s.active, tab().loads], ["ready", false, "ws:/root/a.txt", 1]);
    s = run([{ type: "edit", key: "ws:/root/a.txt", text: "two\n" }], s);
    assert.equal(isDirty(tab()), true);
    s = run([{ type: "saving", key: "ws:/root/a.txt" }, { type: "edit", key: "ws:/root/a.txt", text: "three\n" }, { type: "saved", key: "ws:/root/a.txt", text: "two\n" }], s);
    assert.equal(isDirty(tab()), true, "typing during a save leaves the newer text unsaved");
    s = run([{ type: "loaded", key: "ws:/root/a.txt", text: "from the host\n" }], s);
    assert.equal(tab().text, "three\n", "a re-read does not overwrite unsaved edits");
    s = run([{ type: "saved", key: "ws:/root/a.txt", text: "three\n" }], s);
    assert.deepEqual([isDirty(tab()), tab().saving], [false, false]);
    s = run([{ type: "loaded", key: "ws:/root/a.txt", text: "changed in the terminal\n" }], s);
    assert.deepEqual([tab().text, tab().saved, tab().loads], ["changed in the terminal\n", "changed in the terminal\n", 2]);
  });

  it("activates an open file instead of opening it twice, and moves to the asked line each time", () => {
    let s = run([{ type: "open", host: "ws", path: "/a", line: 3 }, { type: "open", host: "ws", path: "/b" }, { type: "open", host: "ws", path: "/a", line: 3 }]);
    assert.deepEqual([s.tabs.length, s.active, s.tabs[0]!.reveal?.line], [2, "ws:/a", 3]);
    const nonce = s.tabs[0]!.reveal!.nonce;
    s = run([{ type: "open", host: "ws", path: "/a", line: 3 }], s);
    assert.notEqual(s.tabs[0]!.reveal!.nonce, nonce);
  });

  it("reports binary files and failures, and closes tabs to a neighbour", () => {
    let s = run([
      { type: "open", host: "ws", path: "/bin/ls" },
      { type: "loaded", key: "ws:/bin/ls", text: null },
      { type: "open", host: "ws", path: "/nope" },
      { type: "failed", key: "ws:/nope", message: "/nope does not exist" },
      { type: "open", host: "ws", path: "/c" },
    ]);
    assert.deepEqual(s.tabs.map((t) => t.status), ["binary", "error", "loading"]);
    assert.equal(s.tabs[1]!.error, "/nope does not exist");
    s = run([{ type: "activate", key: "ws:/nope" }, { type: "close", key: "ws:/nope" }], s);
    assert.deepEqual([s.tabs.length, s.active], [2, "ws:/c"]);
    s = run([{ type: "close", key: "ws:/c" }, { type: "close", key: "ws:/bin/ls" }], s);
    assert.deepEqual([s.tabs.length, s.active], [0, null]);
  });
});

describe("file paths", () => {
  it("joins, names and picks the host of a path", () => {
    assert.equal(joinPath("/root", "a.txt"), "/root/a.txt");
    assert.equal(joinPath("/", "etc"), "/etc");
    assert.equal(baseName("/root/app/config.yaml"), "config.yaml");
    const hosts = [{ name: "db", editorPaths: [] }, { name: "ws", editorPaths: ["/root"] }, { name: "web", editorPaths: ["/etc/nginx", "/srv"] }];
    assert.equal(hostForPath(hosts, "/srv/index.html"), "web");
    assert.equal(hostForPath(hosts, "/root/a"), "ws");
    assert.equal(hostForPath(hosts, "/rootx/a"), null);
    assert.equal(hostForPath(hosts, "/root/a", "web"), "web");
    assert.equal(hostForPath(hosts, "/root/a", "db"), null, "a host without editor paths cannot open files");
  });

  it("says what is wrong with a new file's path, and accepts one under an editor root", () => {
    const roots = ["/root/lab", "/etc/app/"];
    assert.equal(newFileProblem("/root/lab/deploy.yaml", roots), null);
    assert.equal(newFileProblem("/etc/app/conf.d/x.conf", roots), null);
    assert.match(newFileProblem("deploy.yaml", roots)!, /full path, starting with \//);
    assert.match(newFileProblem("/root/lab/", roots)!, /names a folder/);
    assert.match(newFileProblem("/root/lab/../.bashrc", roots)!, /\.\./);
    assert.equal(newFileProblem("/root/other.txt", roots), "new files go under /root/lab or /etc/app/");
    assert.match(newFileProblem("/etc/app", roots)!, /new files go under/);
  });

  it("knows the languages a lab uses", () => {
    assert.deepEqual(["a.yaml", "Dockerfile", "x.sh", "conf.json", "notes", "app.PY"].map(languageOf), ["yaml", "dockerfile", "shell", "json", "plaintext", "python"]);
  });
});

describe("terminal tabs", () => {
  it("adds numbered terminals up to a limit, never removes main, and restores only valid ids", () => {
    let tabs = restoreTerminals(["ws"], null);
    assert.deepEqual(tabs, { ws: ["main"] });
    const added = addTerminal(tabs, "ws");
    assert.equal(added.added, "2");
    tabs = removeTerminal(added.tabs, "ws", "main");
    assert.deepEqual(tabs.ws, ["main", "2"]);
    for (let i = 0; i < 10; i++) tabs = addTerminal(tabs, "ws").tabs;
    assert.equal(tabs.ws!.length, MAX_TERMINALS_PER_HOST);
    assert.equal(addTerminal(tabs, "ws").added, null);
    assert.deepEqual(restoreTerminals(["ws", "db"], JSON.stringify({ ws: ["main", "3", "../x", 4, "3"], ghost: ["2"] })), { ws: ["main", "3"], db: ["main"] });
    assert.deepEqual(restoreTerminals(["ws"], "{not json"), { ws: ["main"] });
    assert.deepEqual(removeTerminal({ ws: ["main", "2", "3"] }, "ws", "2").ws, ["main", "3"]);
  });
});
