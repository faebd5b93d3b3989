/**
 * `praxis grade <lab> --submission <dir> [--format text|json|classroom] [--keep]`: grades a student's
 * submission against a lab's checks (grade.ts) and prints the score. Progress goes to stderr, the result to
 * stdout. Exit 0 when grading ran, whatever the score (a low score is an answer, not an error); 1 when it
 * could not run (no `grading` section, missing submission, provisioning or a lab setup failed), in which
 * case `--format classroom` still prints an "error" result so Classroom's reporter shows why.
 */
import path from "node:path";
import type { Lab } from "../../labs/index";
import { parseCommandArgs } from "../../labs/cli/args";
import { EXIT, UsageError, type CliIo, type Command } from "../../labs/cli/command";
import { LabNotLoadable } from "../cli/deps";
import type { LabRunDeps } from "../testing/deps";
import { locatorFor } from "../testing/locate";
import { classroomError, classroomResult, encodeClassroom } from "./classroom";
import { formatGrade } from "./format-text";
import { gradeLab, GradingError, type GradeResult } from "./grade";
import { SubmissionUnreadable } from "./submission";

const FORMATS = ["text", "json", "classroom"] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: praxis grade <lab> --submission <dir> [--format text|json|classroom] [--keep]

Grades a student's submission: provisions the lab, puts the submission's files where the lab's
\`grading.submission\` says (copied into a host, applied to the cluster, built as an image), runs every
check of every step and prints each check's points (its weight when it passes) and the score.

  --submission <dir>   the student's files (required)
  --format <f>         text (default), json, or classroom: base64 JSON for GitHub Classroom's
                       autograding reporter (set it as <ID>_RESULTS, see AUTHORING.md)
  --keep               keep the environment afterwards (praxis env shell/down <id>)

Exit codes: 0 graded (any score), 1 could not grade, 2 usage error.
`;

export function gradeCommand(makeDeps: (io: CliIo) => LabRunDeps): Command {
  return {
    name: "grade",
    summary: "grade a student's submission against a lab's checks, with partial credit",
    usage: USAGE,
    async run(argv, io) {
      const args = parseCommandArgs("grade", argv, { submission: { type: "string" }, format: { type: "string" }, keep: { type: "boolean" } }, 1);
      if (args.help) {
        io.stdout.write(USAGE);
        return EXIT.ok;
      }
      const [labArg] = args.positionals;
      if (!labArg) throw new UsageError("grade: name the lab to grade against");
      if (typeof args.flags.submission !== "string") throw new UsageError("grade: --submission <dir> is required");
      const format = (args.flags.format ?? "text") as Format;
      if (!FORMATS.includes(format)) throw new UsageError(`grade: --format must be one of ${FORMATS.join(", ")}, got "${String(args.flags.format)}"`);

      const deps = makeDeps(io);
      let lab: Lab | undefined;
      try {
        lab = await deps.loadLab(labArg);
        const source = await deps.openSubmission(path.resolve(io.cwd, args.flags.submission));
        const result = await gradeLab(lab, deps.environments, source, {
          keep: args.flags.keep === true,
          onProgress: (line) => io.stderr.write(`  ${line}\n`),
        });
        io.stdout.write(await render(result, lab, format, deps, io));
        return EXIT.ok;
      } catch (error) {
        if (!(error instanceof GradingError || error instanceof LabNotLoadable || error instanceof SubmissionUnreadable)) throw error;
        io.stderr.write(`praxis grade: ${error.message}\n`);
        if (format === "classroom") io.stdout.write(`${encodeClassroom(classroomError(error.message, maxScore(lab)))}\n`);
        return EXIT.failure;
      }
    },
  };
}

async function render(result: GradeResult, lab: Lab, format: Format, deps: LabRunDeps, io: CliIo): Promise<string> {
  if (format === "text") return formatGrade(result);
  if (format === "json") return `${JSON.stringify(result)}\n`;
  const labFile = path.join(lab.dir, "lab.yaml");
  const locate = await locatorFor([labFile], deps.readText);
  const file = path.relative(io.env.GITHUB_WORKSPACE || io.cwd, labFile).split(path.sep).join("/");
  return `${encodeClassroom(classroomResult(result, file, (s, c) => locate(labFile, ["steps", s, "checks", c]).line))}\n`;
}

function maxScore(lab: Lab | undefined): number {
  return lab?.steps.reduce((sum, s) => sum + s.checks.reduce((w, c) => w + c.weight, 0), 0) ?? 0;
}
