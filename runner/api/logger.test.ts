import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { jsonLogger, memoryLogger } from "./logger";

describe("logger", () => {
  it("writes one JSON line per event with child fields and serialised errors", () => {
    const lines: string[] = [];
    const log = jsonLogger({ write: (l) => lines.push(l) }, { now: () => new Date(0) });
    log.child({ requestId: "r1" }).warn("ticket.rejected", { error: new TypeError("bad") });
    log.debug("hidden");
    assert.deepEqual(lines, [
      '{"time":"1970-01-01T00:00:00.000Z","requestId":"r1","error":{"name":"TypeError","message":"bad"},"level":"warn","event":"ticket.rejected"}\n',
    ]);
  });

  it("memoryLogger keeps entries, fields cannot override level or event", () => {
    const log = memoryLogger();
    log.info("a", { level: "error", event: "forged", n: 1 });
    assert.deepEqual(log.entries, [{ level: "info", event: "a", n: 1 }]);
  });
});
