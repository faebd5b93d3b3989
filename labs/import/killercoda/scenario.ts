/**
 * A Killercoda scenario's index.json as far as Praxis reads it: title and description; details.intro,
 * details.steps[] and details.finish, each with `text` (Markdown) and optional `verify`, `background` and
 * `foreground` scripts; details.assets (files per host: { file, target, chmod }); backend.imageid; and
 * interface.layout. The format is the one in killercoda/scenario-examples. Anything else in the file is
 * listed as "not converted" rather than silently dropped.
 */
import { z } from "zod";
import type { Note } from "./notes";

const pageSchema = z.looseObject({
  title: z.string().optional(),
  text: z.string().optional(),
  verify: z.string().optional(),
  background: z.string().optional(),
  foreground: z.string().optional(),
});

const assetSchema = z.looseObject({ file: z.string().min(1), target: z.string().min(1), chmod: z.string().optional() });

export const scenarioSchema = z.looseObject({
  title: z.string().optional(),
  description: z.string().optional(),
  details: z
    .looseObject({
      intro: pageSchema.optional(),
      steps: z.array(pageSchema).optional(),
      finish: pageSchema.optional(),
      assets: z.record(z.string(), z.array(assetSchema)).optional(),
    })
    .optional(),
  backend: z.looseObject({ imageid: z.string().optional() }).optional(),
  interface: z.looseObject({ layout: z.string().optional() }).optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioPage = z.infer<typeof pageSchema>;
export type ScenarioAsset = z.infer<typeof assetSchema>;

export class InvalidScenario extends Error {
  override readonly name = "InvalidScenario";
}

const KNOWN = {
  top: ["title", "description", "details", "backend", "interface"],
  details: ["intro", "steps", "finish", "assets"],
  page: ["title", "text", "verify", "background", "foreground"],
  asset: ["file", "target", "chmod"],
  backend: ["imageid"],
  interface: ["layout"],
};

/** Parses index.json; throws InvalidScenario with the reason when it is not a scenario at all. */
export function parseScenario(text: string): { scenario: Scenario; notes: Note[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InvalidScenario(`index.json is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidScenario(`index.json: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  const scenario = parsed.data;
  const notes: Note[] = [];
  const unknown = (value: object | undefined, known: string[], where: string) => {
    for (const key of Object.keys(value ?? {})) if (!known.includes(key)) notes.push({ level: "warning", where: "index.json", message: `${where}${key} is not converted (Praxis has no equivalent)` });
  };
  unknown(scenario, KNOWN.top, "");
  unknown(scenario.details, KNOWN.details, "details.");
  unknown(scenario.backend, KNOWN.backend, "backend.");
  unknown(scenario.interface, KNOWN.interface, "interface.");
  for (const [name, page] of [["intro", scenario.details?.intro], ["finish", scenario.details?.finish]] as const) unknown(page, KNOWN.page, `details.${name}.`);
  scenario.details?.steps?.forEach((step, i) => unknown(step, KNOWN.page, `details.steps[${i}].`));
  for (const [host, assets] of Object.entries(scenario.details?.assets ?? {})) assets.forEach((a, i) => unknown(a, KNOWN.asset, `details.assets.${host}[${i}].`));
  return { scenario, notes };
}
