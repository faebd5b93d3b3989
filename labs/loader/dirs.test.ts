import assert from "node:assert/strict";
import path from "node:path";
import { describe, it } from "node:test";
import { labDirsFromEnv } from "./dirs";

describe("labDirsFromEnv", () => {
  it("defaults to <repo>/content/labs", () => {
    assert.deepEqual(labDirsFromEnv({}, "/repo"), ["/repo/content/labs"]);
    assert.deepEqual(labDirsFromEnv({ PRAXIS_LABS_DIRS: " " }, "/repo"), ["/repo/content/labs"]);
  });

  it("splits on the path delimiter, resolves relative entries against the repo and drops duplicates", () => {
    const value = ["/srv/labs", "extra", "", "/srv/labs"].join(path.delimiter);
    assert.deepEqual(labDirsFromEnv({ PRAXIS_LABS_DIRS: value }, "/repo"), ["/srv/labs", "/repo/extra"]);
  });
});
