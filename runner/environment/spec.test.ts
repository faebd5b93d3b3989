/** resolveSpec: defaults applied, every problem reported at once. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DEFAULT_CAP_ADD } from "./security";
import { InvalidEnvironmentError, resolveSpec } from "./spec";

describe("resolveSpec", () => {
  it("fills in the security and resource defaults", () => {
    const spec = resolveSpec({ labId: "l", hosts: [{ name: "box", image: "praxis/workstation:latest", capAdd: ["CAP_NET_RAW"], resources: { pids: 50 } }] });
    const [box] = spec.hosts;
    assert.equal(box?.privileged, false);
    assert.deepEqual(box?.capAdd, [...DEFAULT_CAP_ADD, "NET_RAW"]);
    assert.deepEqual(box?.resources, { nanoCpus: 1e9, memoryBytes: 512 * 1024 * 1024, pids: 50 });
    assert.equal(spec.egress, false);
  });

  it("resolves image references the way Docker does", () => {
    const images = resolveSpec({ labId: "l", hosts: ["praxis/workstation", "localhost:5000/x", "a:1", "b@sha256:00"].map((image, i) => ({ name: `h${i}`, image })) }).hosts.map((h) => h.image);
    assert.deepEqual(images, ["praxis/workstation:latest", "localhost:5000/x:latest", "a:1", "b@sha256:00"]);
  });

  it("lists every problem in one error", () => {
    const err = (() => {
      try {
        resolveSpec({
          labId: "l",
          hosts: [
            { name: "Bad_Name", image: "" },
            { name: "ok", image: "x", capAdd: ["net raw"], files: [{ targetPath: "relative.txt", content: new Uint8Array() }] },
            { name: "ok", image: "x", resources: { memoryBytes: -1 } },
          ],
        });
      } catch (e) {
        return e;
      }
    })();
    assert.ok(err instanceof InvalidEnvironmentError);
    assert.equal(err.problems.length, 6, err.message);
    assert.match(err.message, /hosts\[0\] \(Bad_Name\): name must be a lowercase DNS label/);
    assert.match(err.message, /hosts\[1\] \(ok\): file path must be absolute: relative.txt/);
    assert.match(err.message, /hosts\[2\] \(ok\): duplicate host name/);
  });
});
