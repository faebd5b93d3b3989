/**
 * Strict argument parsing for commands, on top of node:util parseArgs: unknown flags and missing values
 * become UsageErrors with our wording (and a suggestion), and `--help`/`-h` is understood by every command.
 */
import { parseArgs } from "node:util";
import { didYouMean } from "../format/suggest";
import { UsageError } from "./command";

export interface FlagSpec {
  [name: string]: { type: "boolean" | "string"; short?: string };
}

export interface ParsedArgs {
  flags: Record<string, string | boolean | undefined>;
  positionals: string[];
  help: boolean;
}

export function parseCommandArgs(command: string, argv: string[], spec: FlagSpec, maxPositionals = Infinity): ParsedArgs {
  const options = { ...spec, help: { type: "boolean" as const, short: "h" } };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(explain(command, argv, options, error));
  }
  const { help, ...flags } = parsed.values as Record<string, string | boolean | undefined>;
  if (!help && parsed.positionals.length > maxPositionals) {
    throw new UsageError(`${command}: unexpected argument \`${parsed.positionals[maxPositionals]}\``);
  }
  return { flags, positionals: parsed.positionals, help: help === true };
}

function explain(command: string, argv: string[], options: FlagSpec, error: unknown): string {
  const known = Object.keys(options);
  const shorts = Object.values(options).flatMap((o) => (o.short ? [o.short] : []));
  const unknownFlag = argv.find((arg) => arg.startsWith("-") && arg !== "--" && !isKnown(arg, known, shorts));
  if (unknownFlag) {
    const name = unknownFlag.replace(/^-+/, "").split("=")[0]!;
    return `${command}: unknown flag \`${unknownFlag}\`${didYouMean(name, known).replace(/`(\w[\w-]*)`\?$/, "`--$1`?")}`;
  }
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return `${command}: ${message}`;
}

function isKnown(arg: string, known: string[], shorts: string[]): boolean {
  const name = arg.replace(/^-+/, "").split("=")[0]!;
  return arg.startsWith("--") ? known.includes(name) : shorts.includes(name);
}
