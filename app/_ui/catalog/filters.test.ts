import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Lab } from "../../../labs/index";
import { catalogHref, filterLabs, parseFilters, topicsOf } from "./filters";

function lab(id: string, topics: string[], difficulty: Lab["metadata"]["difficulty"]): Lab {
  return {
    apiVersion: "praxis.dev/v1alpha1",
    dir: `/labs/${id}`,
    metadata: { id, title: id, summary: "", topics, difficulty, estimatedMinutes: 10, prerequisites: [] },
    environment: { hosts: [] },
    steps: [],
  };
}

const labs = [lab("a", ["linux", "containers"], "beginner"), lab("b", ["kubernetes"], "advanced"), lab("c", ["linux"], "advanced")];

describe("catalog filters", () => {
  it("parses known topic and difficulty, ignoring unknown or empty values", () => {
    const topics = topicsOf(labs);
    assert.deepEqual(parseFilters({ topic: "linux", difficulty: "advanced" }, topics), { topic: "linux", difficulty: "advanced" });
    assert.deepEqual(parseFilters({ topic: "nope", difficulty: "expert" }, topics), {});
    assert.deepEqual(parseFilters({ topic: ["kubernetes", "linux"], difficulty: "" }, topics), { topic: "kubernetes" });
  });

  it("filters by topic, difficulty and both", () => {
    const ids = (f: Parameters<typeof filterLabs>[1]) => filterLabs(labs, f).map((l) => l.metadata.id);
    assert.deepEqual(ids({}), ["a", "b", "c"]);
    assert.deepEqual(ids({ topic: "linux" }), ["a", "c"]);
    assert.deepEqual(ids({ difficulty: "advanced" }), ["b", "c"]);
    assert.deepEqual(ids({ topic: "linux", difficulty: "advanced" }), ["c"]);
  });

  it("lists topics once, sorted", () => {
    assert.deepEqual(topicsOf(labs), ["containers", "kubernetes", "linux"]);
  });

  it("builds linkable URLs", () => {
    assert.equal(catalogHref({}), "/");
    assert.equal(catalogHref({ topic: "linux" }), "/?topic=linux");
    assert.equal(catalogHref({ topic: "a b", difficulty: "beginner" }), "/?topic=a+b&difficulty=beginner");
  });
});
