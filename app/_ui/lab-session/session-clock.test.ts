/** Time left: hours and minutes, a seconds countdown with a warning in the last five minutes, then ended. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { timeLeft } from "./session-clock";

const end = "2026-01-01T12:00:00.000Z";
const at = (iso: string) => Date.parse(iso);

describe("timeLeft", () => {
  it("formats and warns near the end", () => {
    assert.deepEqual(timeLeft(end, at("2026-01-01T10:54:30Z")), { text: "1 h 06 min", warning: false, ended: false });
    assert.deepEqual(timeLeft(end, at("2026-01-01T11:48:00Z")), { text: "12 min", warning: false, ended: false });
    assert.deepEqual(timeLeft(end, at("2026-01-01T11:55:01Z")), { text: "4:59", warning: true, ended: false });
    assert.deepEqual(timeLeft(end, at("2026-01-01T12:00:00Z")), { text: "ended", warning: true, ended: true });
  });
});
