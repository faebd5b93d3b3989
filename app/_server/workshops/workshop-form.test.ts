import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { WorkshopError } from "./errors";
import { parseWorkshopForm } from "./workshop-form";

const labs = new Set(["first-container", "kubernetes-basics"]);
const good = { title: " Intro ", labIds: ["first-container"], capacity: "30", startsAt: "2026-12-01T09:00:00Z", endsAt: "2026-12-01T12:00:00Z", timeLimitMinutes: 90, warmSharePercent: 50 };

describe("parseWorkshopForm", () => {
  it("accepts a good form (numbers from form fields, trimmed title, password tri-state)", () => {
    const s = parseWorkshopForm(good, labs);
    assert.equal(s.title, "Intro");
    assert.equal(s.capacity, 30);
    assert.equal(s.startsAt.toISOString(), "2026-12-01T09:00:00.000Z");
    assert.equal(s.password, undefined);
    assert.equal(parseWorkshopForm({ ...good, password: "" }, labs).password, null);
    assert.equal(parseWorkshopForm({ ...good, password: "room42" }, labs).password, "room42");
  });

  it("lists every problem by field", () => {
    try {
      parseWorkshopForm({ ...good, title: "", capacity: 0, warmSharePercent: 120, labIds: [] }, labs);
      assert.fail("accepted");
    } catch (err) {
      assert.ok(err instanceof WorkshopError && err.kind === "bad_request");
      assert.deepEqual(Object.keys(err.problems ?? {}).sort(), ["capacity", "labIds", "title", "warmSharePercent"]);
    }
  });

  it("refuses unknown labs and an end before the start", () => {
    assert.throws(() => parseWorkshopForm({ ...good, labIds: ["nope"] }, labs), (e: unknown) => e instanceof WorkshopError && e.problems?.labIds === "no such lab: nope");
    assert.throws(() => parseWorkshopForm({ ...good, endsAt: good.startsAt }, labs), (e: unknown) => e instanceof WorkshopError && e.problems?.endsAt === "the end must be after the start");
  });
});
