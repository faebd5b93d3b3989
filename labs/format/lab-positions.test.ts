import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { labPositions } from "./lab-positions";

const TEXT = `apiVersion: praxis.dev/v1alpha1
kind: Lab
steps:
  - id: one
    checks:
      - kind: script
        run: "true"
      - kind: script
        run: "false"
    solve:
      run: echo done
`;

describe("labPositions", () => {
  it("finds steps, checks and solve scripts by data path", () => {
    const at = labPositions(TEXT);
    assert.deepEqual(at(["steps", 0]), { line: 4, column: 5 });
    assert.deepEqual(at(["steps", 0, "checks", 1]), { line: 8, column: 9 });
    assert.deepEqual(at(["steps", 0, "solve"]), { line: 11, column: 7 });
  });

  it("points at the deepest existing part for a missing path, and at line 1 for broken YAML", () => {
    assert.equal(labPositions(TEXT)(["steps", 0, "setup", 0]).line, 4);
    assert.deepEqual(labPositions("steps: [")(["steps", 0]), { line: 1, column: 1 });
  });
});
