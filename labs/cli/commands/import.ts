/**
 * `praxis import killercoda <scenario-dir> <out-dir> [--force]`: the disk edge of the Killercoda importer
 * (labs/import/killercoda). Reads the scenario folder, writes the lab, then loads it back with the same
 * loader `praxis validate` uses, so "imported" always means "valid". Prints every note about what could not
 * be converted or now behaves differently. The lab's id is the output folder's name.
 */
import { mkdir, readdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadLab } from "../../index";
import { convertScenario, formatNote, InvalidScenario } from "../../import/killercoda/index";
import { parseCommandArgs } from "../args";
import { EXIT, UsageError, type Command } from "../command";
import { displayDiagnostic, displayPath } from "../paths";

const USAGE = `usage: praxis import killercoda <scenario-dir> <out-dir> [--force]

Converts a Killercoda scenario (a folder with index.json) into a Praxis lab in <out-dir>, whose name
becomes the lab id. Prints what could not be converted. --force writes into a non-empty <out-dir>.

Exit codes: 0 imported (see the warnings), 1 the scenario could not be read or converted, 2 usage error.
`;

const DNS_LABEL = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
const MAX_FILES = 2000;

export const importCommand: Command = {
  name: "import",
  summary: "convert a Killercoda scenario into a Praxis lab",
  usage: USAGE,
  async run(argv, io) {
    const args = parseCommandArgs("import", argv, { force: { type: "boolean" } }, 3);
    if (args.help) {
      io.stdout.write(USAGE);
      return EXIT.ok;
    }
    const [format, scenarioArg, outArg] = args.positionals;
    if (format !== "killercoda") throw new UsageError(format === undefined ? "import: name the format, killercoda" : `import: unknown format \`${format}\`; supported: killercoda`);
    if (!scenarioArg || !outArg) throw new UsageError("import killercoda: needs <scenario-dir> and <out-dir>");
    const scenarioDir = path.resolve(io.cwd, scenarioArg);
    const outDir = path.resolve(io.cwd, outArg);
    const labId = path.basename(outDir);
    if (!DNS_LABEL.test(labId)) throw new UsageError(`import killercoda: the output folder's name is the lab id and must be a DNS label (lowercase letters, digits, '-'), got \`${labId}\``);
    if (!args.flags.force && (await readdir(outDir).catch(() => [])).length > 0) {
      io.stderr.write(`praxis import: ${displayPath(outDir, io.cwd)} is not empty; use --force to write into it\n`);
      return EXIT.failure;
    }

    let result;
    try {
      const files = await readScenario(scenarioDir);
      const schemaPath = path.relative(outDir, path.join(io.repoRoot, "content", "lab.schema.json")).split(path.sep).join("/");
      result = convertScenario({ labId, files, schemaPath });
    } catch (error) {
      if (!(error instanceof InvalidScenario)) throw error;
      io.stderr.write(`praxis import: ${displayPath(scenarioDir, io.cwd)}: ${error.message}\n`);
      return EXIT.failure;
    }
    for (const [rel, content] of result.files) {
      const target = path.join(outDir, ...rel.split("/"));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, content, rel.endsWith(".sh") ? { mode: 0o755 } : {});
    }
    for (const note of result.notes) io.stderr.write(`${formatNote(note)}\n`);

    const { lab, diagnostics } = await loadLab(outDir);
    for (const d of diagnostics) io.stderr.write(`${displayDiagnostic(d, io.cwd)}\n`);
    if (!lab) {
      io.stderr.write(`praxis import: the converted lab in ${displayPath(outDir, io.cwd)} does not validate (see above)\n`);
      return EXIT.failure;
    }
    const warnings = result.notes.filter((n) => n.level === "warning").length;
    io.stdout.write(`✓ imported ${lab.metadata.id} (${lab.steps.length} step${lab.steps.length === 1 ? "" : "s"}) into ${displayPath(outDir, io.cwd)}; ${warnings} warning${warnings === 1 ? "" : "s"}\n`);
    return EXIT.ok;
  },
};

/** Every file of the scenario folder (no .git), by forward-slash relative path. */
async function readScenario(dir: string): Promise<Map<string, Uint8Array>> {
  if (!(await stat(dir).then((s) => s.isDirectory(), () => false))) throw new InvalidScenario("not a folder");
  const files = new Map<string, Uint8Array>();
  const visit = async (rel: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, rel), { withFileTypes: true })) {
      if (entry.name === ".git") continue;
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await visit(child);
      else if (entry.isFile()) {
        if (files.size >= MAX_FILES) throw new InvalidScenario(`more than ${MAX_FILES} files; is this a scenario folder?`);
        files.set(child, new Uint8Array(await readFile(path.join(dir, child))));
      }
    }
  };
  await visit("");
  return files;
}
