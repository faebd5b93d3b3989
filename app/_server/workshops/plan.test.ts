import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { checkRoom, DEFAULT_SEATS, defaultSeats, phaseOf, poolTargets, warmSeats, type WarmingWorkshop } from "./plan";

const at = (hhmm: string) => new Date(`2026-12-01T${hhmm}:00Z`);
const ws = (over: Partial<WarmingWorkshop> = {}): WarmingWorkshop => ({ startsAt: at("09:00"), endsAt: at("12:00"), endedAt: null, warmedAt: null, labIds: ["a", "b"], capacity: 30, warmSharePercent: 50, seatsInUse: 0, ...over });
const MIB = 1024 * 1024;

describe("workshop plan", () => {
  it("tells scheduled, running and ended apart (ending early counts)", () => {
    assert.equal(phaseOf(ws(), at("08:59")), "scheduled");
    assert.equal(phaseOf(ws(), at("09:00")), "running");
    assert.equal(phaseOf(ws(), at("12:00")), "ended");
    assert.equal(phaseOf(ws({ endedAt: at("10:00") }), at("10:30")), "ended");
  });

  it("warms ceil(capacity × share) per lab, from the warm-up or start to the end, never more than free seats", () => {
    assert.equal(warmSeats(ws({ capacity: 25, warmSharePercent: 50 })), 13);
    assert.equal(warmSeats(ws({ seatsInUse: 25 })), 5);
    assert.deepEqual(poolTargets([ws()], at("08:00")), {}, "not warmed up, not starting soon");
    assert.deepEqual(poolTargets([ws()], at("08:45")), { a: 15, b: 15 }, "warms by itself 15 minutes before the start");
    assert.deepEqual(poolTargets([ws({ warmedAt: at("08:00") })], at("08:30")), { a: 15, b: 15 });
    assert.deepEqual(poolTargets([ws(), ws({ labIds: ["a"], capacity: 10, warmSharePercent: 100 })], at("09:30")), { a: 25, b: 15 });
    assert.deepEqual(poolTargets([ws({ endedAt: at("09:10") })], at("09:30")), {});
    assert.deepEqual(poolTargets([ws({ warmSharePercent: 0 })], at("09:30")), {});
  });

  it("says when a room will not fit, counting other sessions but not warm members", () => {
    const cap = { maxSessions: 40, maxMemoryBytes: 10 * 1024 * MIB, liveSessions: 15, memoryInUseBytes: 15 * 256 * MIB, memoryWarmBytes: 10 * 256 * MIB, byState: { provisioning: 0, ready: 5, warm: 10 } };
    assert.deepEqual(checkRoom(cap, 30, 256 * MIB, { sessions: 0, memoryBytes: 0 }), { fits: true, room: 35, seats: 30, message: null });
    const tight = checkRoom(cap, 30, 512 * MIB, { sessions: 0, memoryBytes: 0 });
    assert.equal(tight.fits, false);
    assert.equal(tight.room, 17);
    assert.equal(tight.message, "The room will not fit: 30 seats, room for 17 (this server's memory limit, with 5 other sessions running)");
    assert.equal(checkRoom({ ...cap, maxSessions: 20, liveSessions: 10 }, 30, 0, { sessions: 0, memoryBytes: 0 }).message, "The room will not fit: 30 seats, room for 20 (this server's session limit)");
    assert.equal(checkRoom(cap, 40, 256 * MIB, { sessions: 5, memoryBytes: 5 * 256 * MIB }).room, 40, "the workshop's own learners are not competition");
  });

  it("suggests no more seats than the server has room for", () => {
    assert.equal(defaultSeats(null), DEFAULT_SEATS, "room unknown");
    assert.equal(defaultSeats(20), 20);
    assert.equal(defaultSeats(200), DEFAULT_SEATS);
    assert.equal(defaultSeats(0), 1, "a full server still gets a valid form");
  });
});
