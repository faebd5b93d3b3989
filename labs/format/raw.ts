/**
 * Defensive accessors over the raw YAML data. Cross-field rules run even when the structure has errors (so
 * that an author sees every problem at once), which means they must never assume a field has the right type.
 */

export type Raw = Record<string, unknown>;

export const isRecord = (value: unknown): value is Raw =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export const field = (value: unknown, key: string): unknown => (isRecord(value) ? value[key] : undefined);

export const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

export const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
