/**
 * `praxis env check <id> [--step <step>] [--lab <lab>] [--json]`: runs a lab's checks against a running
 * environment — every step's, or one step's — and prints each result with its learner-facing message.
 * Exits 0 when all pass and 1 otherwise, so authors can script "is my solution accepted?". The lab is
 * the one the environment was started from (its label) unless --lab names another copy (e.g. a
 * working directory with edited checks).
 */
import { EXIT, printUsage, type CliIo } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";
import { ClusterChecks } from "../checks/cluster-check";
import { executeCheck } from "../checks/execute";
import { checkRequest, type CheckOutcome } from "../checks/request";
import type { CliDeps } from "./deps";
import { labelledSessions } from "./listing";

interface Row {
  step: string;
  check: string;
  passed: boolean;
  message: string;
  durationMs: number;
}

export async function envCheck(argv: string[], io: CliIo, deps: CliDeps): Promise<number> {
  const args = parseCommandArgs("env check", argv, { step: { type: "string" }, lab: { type: "string" }, json: { type: "boolean" } }, 1);
  const [id] = args.positionals;
  if (args.help || !id) return printUsage(io, "usage: praxis env check <id> [--step <step-id>] [--lab <lab-id|lab-dir>] [--json]\n", Boolean(args.help));
  const session = (await labelledSessions(deps.runtime)).find((s) => s.id === id);
  if (!session) {
    io.stderr.write(`env check: no environment ${id} (see praxis env ls)\n`);
    return EXIT.failure;
  }
  const lab = await deps.loadLab(String(args.flags.lab ?? session.lab));
  const wanted = args.flags.step === undefined ? undefined : String(args.flags.step);
  const steps = wanted === undefined ? lab.steps : lab.steps.filter((s) => s.id === wanted);
  if (steps.length === 0) {
    io.stderr.write(`env check: lab ${lab.metadata.id} has no step "${wanted}" (steps: ${lab.steps.map((s) => s.id).join(", ")})\n`);
    return EXIT.usage;
  }
  const clusterChecks = new ClusterChecks(deps.runtime);
  const target = {
    sessionId: id,
    hostContainer: (host: string) => {
      const found = session.hosts.find((h) => h.name === host);
      if (!found) throw new Error(`environment ${id} has no host "${host}"`);
      return found.containerId;
    },
  };
  const rows: Row[] = [];
  for (const step of steps) {
    for (const check of step.checks) {
      const outcome: CheckOutcome = await executeCheck({ runtime: deps.runtime, clusterChecks }, target, checkRequest(check)).catch((err: Error) => ({
        passed: false,
        message: err.message,
        durationMs: 0,
      }));
      rows.push({ step: step.id, check: check.name, passed: outcome.passed, message: outcome.message, durationMs: outcome.durationMs });
      if (!args.flags.json) io.stdout.write(formatRow(rows.at(-1)!));
    }
  }
  if (args.flags.json) io.stdout.write(`${JSON.stringify({ id, lab: lab.metadata.id, passed: rows.every((r) => r.passed), checks: rows })}\n`);
  return rows.every((r) => r.passed) ? EXIT.ok : EXIT.failure;
}

function formatRow(r: Row): string {
  const head = `${r.passed ? "✓" : "✗"} ${r.step} · ${r.check} (${(r.durationMs / 1000).toFixed(1)}s)`;
  if (r.passed || !r.message) return `${head}\n`;
  return `${head}\n${r.message.split("\n").map((l) => `    ${l}`).join("\n")}\n`;
}
