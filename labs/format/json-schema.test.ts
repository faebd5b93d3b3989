/**
 * content/lab.schema.json is generated from the zod definition; this test fails when someone changes the
 * format without regenerating it (run `praxis schema --out content/lab.schema.json`).
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { labJsonSchema, labJsonSchemaText } from "./json-schema";

const COMMITTED = path.resolve(import.meta.dirname, "../../content/lab.schema.json");

describe("lab JSON Schema", () => {
  it("matches the committed content/lab.schema.json", async () => {
    assert.equal(await readFile(COMMITTED, "utf8"), labJsonSchemaText());
  });

  it("is strict and describes the v1alpha1 header", () => {
    const schema = labJsonSchema() as { additionalProperties: boolean; required: string[]; properties: Record<string, { const?: string }> };
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(schema.required, ["apiVersion", "kind", "metadata", "steps"]);
    assert.equal(schema.properties.apiVersion?.const, "praxis.dev/v1alpha1");
    assert.equal(schema.properties.kind?.const, "Lab");
  });
});
