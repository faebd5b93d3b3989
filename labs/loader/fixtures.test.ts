/**
 * Every malformed lab under test/fixtures/labs/<name>/ must fail to load with exactly the diagnostics listed
 * here (position and wording): these messages are the format's user interface, so changes should be deliberate.
 */
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { formatDiagnostic, loadLab } from "../index";

const FIXTURES = path.resolve(import.meta.dirname, "../../test/fixtures/labs");

/** Diagnostics as "line:col: message"; the file is always <fixture>/lab.yaml. */
const EXPECTED: Record<string, string[]> = {
  "bad-capability": [
    "12:22: environment.hosts[0].capabilities[0]: write capabilities without the CAP_ prefix: `SYS_ADMIN`",
    "12:37: environment.hosts[0].capabilities[1]: `NET_ADMN` is not a Linux capability; did you mean `NET_ADMIN`?",
  ],
  "bad-cluster": [
    "13:15: environment.cluster.provider: must be `kind`, got the string \"k3d\"",
    "14:12: environment.cluster.nodes: must be at most 5",
    "15:24: environment.cluster.kubernetesVersion: must be a Kubernetes version such as \"v1.34.4\"",
    "16:5: unknown field `images` in environment.cluster",
  ],
  "bad-ports": [
    "14:19: environment.hosts[0].ports[1].port: port 8080 is already listed as ports[0]",
    "14:49: environment.hosts[0].ports[1].path: must start with \"/\", such as \"/\" or \"/admin\"",
    "15:19: environment.hosts[0].ports[2].port: must be at most 65535",
    "16:11: missing required field `name` in environment.hosts[0].ports[3]",
  ],
  "bad-difficulty": ["7:15: metadata.difficulty: `advnced` is not one of beginner, intermediate, advanced; did you mean `advanced`?"],
  "bad-duration": [
    "15:18: steps[0].checks[0].timeout: must be a duration in quotes, such as \"30s\" or \"2m\", got the number 30",
    "18:18: steps[0].checks[1].timeout: must be a duration such as \"30s\", \"2m\" or \"1m30s\"",
  ],
  "bad-host-name": ["11:13: environment.hosts[0].name: must be a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters) because it names a host (its hostname and network alias)"],
  "bad-resources": [
    "13:14: environment.hosts[0].resources.cpu: must be greater than 0",
    "14:17: environment.hosts[0].resources.memory: must be a memory quantity in quotes, such as \"512Mi\" or \"1Gi\"",
    "15:15: environment.hosts[0].resources.pids: must be at least 32",
  ],
  "container-check-rules": [
    "15:9: steps[0].checks[0]: `host` is required because the environment has 2 hosts (box, web)",
    "18:15: steps[0].checks[1].host: unknown host `bx`; hosts are box, web; did you mean `box`?",
    "20:9: steps[0].checks[1]: set only one of `container` and `process`",
    "21:17: steps[0].checks[1].expect: needs at least one thing to check, such as `user` or `readOnlyRootfs`",
    "26:11: steps[0].checks[2].expect.running: only used together with `container` (a host is always running)",
    "27:11: steps[0].checks[2].expect.image: a process has no image of its own; check the host's image without `process`",
    "29:11: steps[0].checks[2].expect: `user: root` and `runAsNonRoot: true` contradict each other",
    "33:11: steps[0].checks[3].expect.capabilities: CHOWN cannot be both added and dropped",
    "37:11: steps[0].checks[4].expect.capabilities: needs `add`, `drop` or both",
  ],
  "duplicate-host": ["12:13: environment.hosts[1].name: duplicate host name `node` (also used by environment.hosts[0])"],
  "duplicate-step-id": ["12:9: steps[1].id: duplicate step id `one` (also used by steps[0])"],
  "duplicate-yaml-key": ["9:3: YAML syntax error: Map keys must be unique"],
  "empty-file": ["1:1: lab.yaml is empty; it needs apiVersion, kind, metadata and steps"],
  "empty-steps": ["9:8: steps: must have at least one item"],
  "empty-value": [
    "5:9: metadata.title: has no value; expected a string",
    "6:12: metadata.summary: must not be empty",
  ],
  "env-not-string": [
    "13:15: environment.hosts[0].env.PORT: must be a string, got the number 8080 (put it in quotes)",
    "14:9: environment.hosts[0].env.1BAD: name must be a valid environment variable name (letters, digits, '_'; not starting with a digit)",
  ],
  "file-mode-number": [
    "15:17: environment.hosts[0].files[0].mode: must be an octal mode in quotes, such as \"0644\" or \"0755\", got the number 755",
    "17:19: environment.hosts[0].files[1].target: target /usr/local/bin/tool is already written by files[0]",
    "18:19: environment.hosts[0].files[2].source: file not found: assets/missing.txt (relative to the lab directory)",
    "19:19: environment.hosts[0].files[2].target: must be an absolute path (starting with /)",
  ],
  "file-check-rules": [
    "16:9: steps[0].checks[0]: `exists: false` cannot be combined with `contains` (a missing file has none)",
    "20:9: steps[0].checks[1]: set only one of `yaml` and `json`",
    "24:9: steps[0].checks[2]: a directory has no content to check with `matches`",
    "29:13: steps[0].checks[3].matches[1]: invalid regular expression: Unterminated group",
  ],
  "host-check-bad-values": [
    "14:20: steps[0].checks[0].container: must be a container name or id (letters, digits, '_', '.', '-')",
    "16:17: steps[0].checks[0].expect.user: must be at least 0",
    "17:27: steps[0].checks[0].expect.readOnlyRootfs: must be true or false, got the string \"yes\"",
    "18:34: steps[0].checks[0].expect.capabilities.drop[0]: write capabilities without the CAP_ prefix: `NET_RAW`",
    "18:47: steps[0].checks[0].expect.capabilities.drop[1]: `NET_ADMN` is not a Linux capability; did you mean `NET_ADMIN`?",
    "19:11: unknown field `securityContext` in steps[0].checks[0].expect",
    "21:15: steps[0].checks[1].path: must be an absolute path (starting with /)",
    "22:15: steps[0].checks[1].mode: must be an octal mode in quotes, such as \"0644\" or \"0755\", got the number 644",
    "23:16: steps[0].checks[1].owner: must be user, user:group or :group (names or ids), such as \"root\" or \"www-data:www-data\"",
    "24:15: steps[0].checks[1].yaml: `false` is not an expectation; write true (valid YAML) or a partial document",
    "26:14: steps[0].checks[2].url: must be an absolute http:// or https:// URL, such as \"http://web:8080/health\"",
    "27:17: steps[0].checks[2].method: `get` is not one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS; did you mean `GET`?",
    "28:20: steps[0].checks[2].headers.Bad Header: name must be an HTTP header name (letters, digits and -)",
    "29:27: steps[0].checks[2].expect.status: must be at most 599",
    "29:38: steps[0].checks[2].expect.json: must be true (valid JSON) or a partial document (a mapping or a list), got the number 3",
    "30:25: steps[0].checks[2].requestTimeout: must be a duration in quotes, such as \"5s\", got the number 5",
  ],
  "host-required": ["17:7: steps[0].solve: `host` is required because the environment has 2 hosts (server, client)"],
  "http-check-rules": [
    "15:9: steps[0].checks[0]: a request with a `body` needs `method` (such as POST or PUT); the default is GET",
    "19:32: steps[0].checks[1].expect: a HEAD response has no body to check with `contains`",
    "22:25: steps[0].checks[2].requestTimeout: 20s is longer than the check's timeout (10s)",
    "25:20: steps[0].checks[2].expect.matches: invalid regular expression: Unterminated character class",
  ],
  "id-mismatch": ["4:7: metadata.id: `another-lab` must equal the lab's folder name `id-mismatch`"],
  "kubernetes-bad-values": [
    "18:11: missing required field `apiVersion` in steps[0].checks[0].match",
    "19:45: steps[0].checks[0].match.metadata.namespace: must be a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters) because it names a namespace",
    "20:18: steps[0].checks[0].timeout: must be a duration in quotes, such as \"30s\" or \"2m\", got the number 30",
    "21:19: steps[0].checks[0].interval: must be a duration such as \"30s\", \"2m\" or \"1m30s\"",
    "23:72: steps[0].checks[1].select.labelSelector.version: must be a string, got the number 2 (put it in quotes)",
    "24:23: steps[0].checks[1].count.min: must be at least 0",
    "25:16: steps[0].checks[1].every: must be a partial manifest (a mapping) or an expression (a string), got the number 3",
    "28:16: steps[0].checks[2].count: must be a number or a mapping, got the string \"lots\"",
    "30:77: unknown field `uid` in steps[0].checks[3].object",
    "31:15: steps[0].checks[3].expr: must be an expression (a string) or a list of expressions, got the number 42",
  ],
  "kubernetes-expressions": [
    "21:51: steps[0].checks[0].expr[1]: expected \")\" to close len(, got the end of the expression (at character 39 of the expression)",
    "26:26: steps[0].checks[1].select.labelSelector: invalid label selector: cannot read \"app in (web\"; write key=value, key!=value, key in (a,b), key notin (a,b), key or !key",
    "27:26: steps[0].checks[1].select.fieldSelector: invalid field selector: cannot read \"status.phase in (Running)\"; write field=value or field!=value, such as status.phase=Running",
    "28:29: steps[0].checks[1].every: unexpected \"=\"; expected an operator such as && or == (at character 14 of the expression)",
    "31:21: steps[0].checks[1].count.matching: unknown function size(); available: len(), has(), contains(), startsWith(), quantity() (at character 1 of the expression)",
  ],
  "kubernetes-forms": [
    "17:9: steps[0].checks[0]: needs one of `match`, `absent`, `select` or `object` to say what to check",
    "21:9: steps[0].checks[1]: set only one of `match`, `absent`, `select` and `object` (found `match` and `absent`)",
    "23:9: steps[0].checks[2]: `select` needs `every`, `any` or `count` (or several) to say what the selected objects must be",
    "25:9: steps[0].checks[3]: `object` needs `expr`, the expression to check",
    "26:9: steps[0].checks[3].every: only used together with `select`",
    "28:9: steps[0].checks[4].match: needs metadata.name; to check objects found by labels, use `select`",
    "32:9: steps[0].checks[4].expr: only used together with `object` (the object it reads)",
    "34:9: unknown field `host` in steps[0].checks[5]",
    "36:16: steps[0].checks[5].count: min (3) is greater than max (1)",
  ],
  "kubernetes-no-cluster": ["13:15: steps[0].checks[0].kind: a kubernetes check needs a cluster; add `environment.cluster` to the lab"],
  "missing-api-version": ["1:1: missing required field `apiVersion`; use `apiVersion: praxis.dev/v1alpha1`"],
  "missing-instructions": ["14:19: steps[1].instructions: file not found: steps/two.md (relative to the lab directory)"],
  "missing-script-file": ["14:17: steps[0].checks[0].script: file not found: steps/one/check.sh (relative to the lab directory)"],
  "missing-title": ["4:3: missing required field `title` in metadata"],
  "multi-error": [
    "4:7: metadata.id: `not-the-folder` must equal the lab's folder name `multi-error`",
    "7:15: metadata.difficulty: `expert` is not one of beginner, intermediate, advanced",
    "8:21: metadata.estimatedMinutes: must be at least 1",
    "9:3: unknown field `tags` in metadata",
    "13:19: environment.hosts[0].privileged: must be true or false, got the string \"yes\"",
    "15:17: environment.hosts[0].resources.memory: must be a memory quantity in quotes, such as \"512Mi\" or \"1Gi\"",
    "16:13: environment.hosts[1].name: duplicate host name `web` (also used by environment.hosts[0])",
    "22:15: steps[0].checks[0].host: unknown host `wbe`; hosts are web; did you mean `web`?",
    "23:17: steps[0].checks[0].script: file not found: steps/one/check.sh (relative to the lab directory)",
    "24:9: missing required field `expect` in steps[0].checks[1]",
    "26:7: steps[0].solve: needs `script` (a file) or `run` (inline commands)",
    "27:5: unknown field `hint` in steps[0]; did you mean `hints`?",
    "29:9: steps[1].id: must be a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters) because it names a step",
  ],
  "no-script": ["13:9: steps[0].checks[0]: needs `script` (a file) or `run` (inline commands)"],
  "not-a-mapping": ["1:1: lab.yaml must be a mapping with apiVersion, kind, metadata and steps"],
  "path-escape": [
    "9:8: intro: must stay inside the lab directory (no '..')",
    "10:9: finish: must be relative to the lab directory, not absolute",
  ],
  "privileged-with-capabilities": ["13:7: environment.hosts[0]: `privileged: true` already grants every capability; remove `capabilities`"],
  "script-and-run": ["13:9: steps[0].setup[0]: set only one of `script` and `run`"],
  "unknown-check-kind": ["13:15: steps[0].checks[0].kind: unknown check kind `scirpt`; supported kinds: script, kubernetes, container, file, http; did you mean `script`?"],
  "unknown-host": ["18:15: steps[0].checks[0].host: unknown host `sever`; hosts are server, client; did you mean `server`?"],
  "unknown-metadata-field": [
    "4:3: missing required field `summary` in metadata",
    "6:3: unknown field `sumary` in metadata; did you mean `summary`?",
  ],
  "unknown-top-field": ["9:1: unknown field `intros` in the lab; did you mean `intro`?"],
  "wrong-api-version": ["1:13: unsupported apiVersion `praxis.dev/v1`; this version of Praxis reads `praxis.dev/v1alpha1`"],
  "wrong-kind": ["2:7: kind must be `Lab`, got `Course`"],
  "wrong-type": [
    "8:21: metadata.estimatedMinutes: must be a number, got the string \"ten\"",
    "9:11: metadata.topics: must be a list, got the string \"containers\"",
  ],
  "yaml-syntax": ["6:1: YAML syntax error: Tabs are not allowed as indentation"],
};

async function diagnosticsOf(name: string): Promise<string[]> {
  const result = await loadLab(path.join(FIXTURES, name));
  assert.equal(result.lab, undefined, `${name} should not load`);
  const prefix = `${path.join(FIXTURES, name, "lab.yaml")}:`;
  return result.diagnostics.map((d) => {
    const text = formatDiagnostic(d);
    assert.ok(text.startsWith(prefix), `${text} should point into ${prefix}`);
    return text.slice(prefix.length);
  });
}

describe("malformed lab fixtures", () => {
  it("covers at least 20 malformed labs, and every fixture folder is listed", () => {
    const folders = readdirSync(FIXTURES).filter((name) => !name.startsWith("valid-") && name !== "no-lab-file");
    assert.ok(Object.keys(EXPECTED).length >= 20);
    assert.deepEqual(folders.sort(), Object.keys(EXPECTED).sort());
  });

  for (const [name, expected] of Object.entries(EXPECTED)) {
    it(name, async () => {
      assert.deepEqual(await diagnosticsOf(name), expected);
    });
  }

  it("reports every problem of a lab at once, in file order", async () => {
    const found = await diagnosticsOf("multi-error");
    assert.equal(found.length, 13);
    const lines = found.map((d) => Number(d.split(":")[0]));
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b));
  });

  it("reports a folder without lab.yaml", async () => {
    const dir = path.join(FIXTURES, "no-lab-file");
    const result = await loadLab(dir);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), [`${dir}/lab.yaml:1:1: no lab.yaml in ${dir}`]);
  });
});
