/**
 * `praxis schema [--out file]`: prints or writes the JSON Schema of lab.yaml, generated from the same zod
 * definition the validator uses. `praxis schema --out content/lab.schema.json` refreshes the committed copy.
 */
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { labJsonSchemaText } from "../../format/json-schema";
import { parseCommandArgs } from "../args";
import { EXIT, UsageError, type Command } from "../command";

const usage = `Usage: praxis schema [--out <file>]

Prints the JSON Schema of lab.yaml (praxis.dev/v1alpha1).

Options:
  -o, --out <file>   write it to <file> instead of standard output

Exit codes: 0 ok, 1 the file could not be written, 2 usage error.`;

export const schemaCommand: Command = {
  name: "schema",
  summary: "print or write the JSON Schema of lab.yaml",
  usage,
  async run(argv, io) {
    const args = parseCommandArgs("schema", argv, { out: { type: "string", short: "o" } }, 0);
    if (args.help) {
      io.stdout.write(`${usage}\n`);
      return EXIT.ok;
    }
    const out = args.flags.out;
    if (out === undefined) {
      io.stdout.write(labJsonSchemaText());
      return EXIT.ok;
    }
    if (typeof out !== "string" || out === "") throw new UsageError("schema: --out needs a file name");
    const target = path.resolve(io.cwd, out);
    try {
      await writeFile(target, labJsonSchemaText());
    } catch (error) {
      io.stderr.write(`praxis schema: cannot write ${target}: ${(error as Error).message}\n`);
      return EXIT.failure;
    }
    io.stdout.write(`wrote ${out}\n`);
    return EXIT.ok;
  },
};
