/**
 * Finds the field names the schema allows at a given data path, so an "unknown field" error can suggest the
 * closest allowed name. Walks zod's public-enough definition objects (`_zod.def`), unwrapping optionals,
 * arrays, records and discriminated unions (choosing the option whose discriminator matches the data).
 */
import type { z } from "zod";
import type { DataPath } from "./positions";

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  discriminator?: string;
  values?: unknown[];
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Object keys allowed at `path` (an object location), or [] when the path does not lead to an object schema. */
export function knownKeysAt(root: z.ZodType, path: DataPath, data: unknown): string[] {
  const target = schemaAt(root, path, data);
  const def = target && defOf(target);
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

function schemaAt(schema: z.ZodType, path: DataPath, data: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema, data);
  let value = data;
  for (const segment of path) {
    if (!current) return undefined;
    const def = defOf(current);
    value = (value as Record<string | number, unknown> | undefined)?.[segment];
    if (def.type === "object") current = def.shape?.[String(segment)];
    else if (def.type === "array") current = def.element;
    else if (def.type === "record") current = def.valueType;
    else return undefined;
    current = current && unwrap(current, value);
  }
  return current;
}

function unwrap(schema: z.ZodType, value: unknown): z.ZodType | undefined {
  let current: z.ZodType | undefined = schema;
  for (let guard = 0; current && guard < 10; guard++) {
    const def = defOf(current);
    if (def.type === "optional" || def.type === "default" || def.type === "nullable") current = def.innerType;
    else if (def.type === "pipe") current = def.in;
    else if (def.type === "union" && def.options) current = pickOption(def, value);
    else return current;
  }
  return current;
}

function pickOption(def: Def, value: unknown): z.ZodType | undefined {
  const options = def.options ?? [];
  if (!def.discriminator) return options[0];
  const tag = (value as Record<string, unknown> | undefined)?.[def.discriminator];
  return options.find((option) => {
    const literal = defOf(option).shape?.[def.discriminator!];
    return literal !== undefined && (defOf(literal).values ?? []).includes(tag);
  });
}
