/** `praxis images build [name...] [--force]`: builds praxis/<name>:latest from images/<name>/ (all by default). */
import { EXIT, type CliIo } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";
import { availableImages, buildPraxisImage } from "../images/builder";
import type { CliDeps } from "./deps";
import { buildKindNodeCommand, KIND_NODE_IMAGE } from "../kind/cli-builder";

export async function imagesBuild(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const args = parseCommandArgs("images build", argv, { force: { type: "boolean" } });
  if (args.help) {
    io.stdout.write("usage: praxis images build [name...] [--force]\n");
    return EXIT.ok;
  }
  if (args.positionals.length === 1 && args.positionals[0] === KIND_NODE_IMAGE) return buildKindNodeCommand({ force: args.flags.force === true }, io, deps);
  const available = await availableImages(deps.imagesDir);
  const names = args.positionals.length > 0 ? args.positionals : available;
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    io.stderr.write(`images build: unknown image(s) ${unknown.join(", ")}; available: ${available.join(", ") || "none"} (in ${deps.imagesDir})\n`);
    return EXIT.usage;
  }
  for (const name of names) {
    const started = deps.now().getTime();
    const outcome = await buildPraxisImage(deps.runtime, deps.imagesDir, name, {
      force: args.flags.force === true,
      onProgress: (line) => io.stderr.write(`[${name}] ${line}\n`),
    });
    const seconds = ((deps.now().getTime() - started) / 1000).toFixed(1);
    io.stdout.write(`${outcome.tag} ${outcome.built ? `built in ${seconds}s` : "up to date"}\n`);
  }
  return EXIT.ok;
}
