/**
 * `praxis doctor`: is this machine ready to run Praxis? Prints one line per check (✓ or ✗) and, for
 * each failure, the command that fixes it; exits 1 when anything Praxis needs failed, so scripts can gate
 * on it. Advisory findings (an image not built yet, Chromium for the tests) are marked ! and do not fail.
 */
import { EXIT, type CliIo, type Command } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";
import { runDoctorChecks, type CheckResult, type DoctorProbes } from "./doctor-checks";

const USAGE = `usage: praxis doctor [--json]

Checks Node.js, the Docker engine, the Praxis images, Chromium (for the end-to-end tests) and
the database, and prints how to fix whatever is not ready. Exit code 1 if anything Praxis needs
failed; findings marked ! (an image not built yet, Chromium for the tests) are advice only.
`;

export function formatResults(results: CheckResult[]): string {
  return results.map((r) => `${r.ok ? "✓" : r.advisory ? "!" : "✗"} ${r.name}: ${r.detail}${r.fix ? `\n    fix: ${r.fix}` : ""}\n`).join("");
}

export function doctorCommand(makeProbes: (io: CliIo) => DoctorProbes): Command {
  return {
    name: "doctor",
    summary: "check that this machine can run Praxis, and say how to fix what cannot",
    usage: USAGE,
    async run(argv, io) {
      const args = parseCommandArgs("doctor", argv, { json: { type: "boolean" } }, 0);
      if (args.help) {
        io.stdout.write(USAGE);
        return EXIT.ok;
      }
      const results = await runDoctorChecks(makeProbes(io));
      io.stdout.write(args.flags.json ? `${JSON.stringify(results)}\n` : formatResults(results));
      return results.every((r) => r.ok || r.advisory) ? EXIT.ok : EXIT.failure;
    },
  };
}
