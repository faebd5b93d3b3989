/**
 * .env.example is the configuration reference: every variable the start-up parsers read must be
 * documented there, and its active (uncommented) values must parse.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { parseRunnerSettings } from "../../runner/process/settings";
import { parseStartConfig } from "./config";

const root = path.resolve(import.meta.dirname, "../..");
const example = readFileSync(path.join(root, ".env.example"), "utf8");
const SOURCES = ["scripts/server/config.ts", "runner/process/settings.ts", "runner/api/config.ts", "app/_server/config.ts", "app/_server/runner-config.ts", "app/_server/auth/config.ts"];

describe(".env.example", () => {
  it("documents every variable the parsers read", () => {
    const documented = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    for (const file of SOURCES) {
      const text = readFileSync(path.join(root, file), "utf8");
      for (const [, name] of text.matchAll(/env(?:\.|\[")([A-Z][A-Z0-9_]+)/g)) assert.ok(documented.has(name), `${name} (read in ${file}) is not in .env.example`);
    }
  });

  it("has active values that parse", () => {
    const active = Object.fromEntries([...example.matchAll(/^([A-Z][A-Z0-9_]+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]));
    assert.equal(parseStartConfig(active, "/repo").port, 3000);
    const runner = parseRunnerSettings({ ...active, PRAXIS_RUNNER_TOKEN: "x".repeat(32), PRAXIS_ALLOWED_ORIGINS: "http://localhost:3000" }, "/repo", []);
    assert.equal(runner.api.port, 4100);
  });
});
