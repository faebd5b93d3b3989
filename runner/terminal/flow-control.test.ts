import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { FlowControl } from "./flow-control";

describe("FlowControl", () => {
  it("pauses once at the high-water mark and resumes once at the low-water mark", () => {
    const flow = new FlowControl({ highWaterBytes: 100, lowWaterBytes: 20 });
    assert.equal(flow.sent(60), "none");
    assert.equal(flow.sent(40), "pause");
    assert.equal(flow.isPaused, true);
    // Output already in flight while pausing keeps counting but does not pause again.
    assert.equal(flow.sent(30), "none");
    assert.equal(flow.unacknowledgedBytes, 130);
    assert.equal(flow.acked(100), "none");
    assert.equal(flow.acked(10), "resume");
    assert.equal(flow.isPaused, false);
    assert.equal(flow.unacknowledgedBytes, 20);
    assert.equal(flow.acked(5), "none");
  });

  it("clamps over-acknowledgement so a client cannot pre-pay an unbounded window", () => {
    const flow = new FlowControl({ highWaterBytes: 100, lowWaterBytes: 20 });
    flow.sent(10);
    flow.acked(1_000_000);
    assert.equal(flow.unacknowledgedBytes, 0);
    assert.equal(flow.sent(100), "pause");
  });

  it("uses 2 MiB / 512 KiB by default", () => {
    const flow = new FlowControl();
    assert.equal(flow.sent(2 * 1024 * 1024 - 1), "none");
    assert.equal(flow.sent(1), "pause");
    assert.equal(flow.acked(1536 * 1024 - 1), "none");
    assert.equal(flow.acked(1), "resume");
  });

  it("rejects inverted limits", () => {
    assert.throws(() => new FlowControl({ highWaterBytes: 10, lowWaterBytes: 10 }), /lowWaterBytes < highWaterBytes/);
  });
});
