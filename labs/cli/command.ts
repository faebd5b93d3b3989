/**
 * The contract every `praxis` sub-command implements, and the exit codes they share. A command gets its
 * arguments (after its own name) and an io object built once in main.ts; it never reads process.env or
 * process.argv itself, which keeps commands testable and lets later commands (env, images, test, grade,
 * serve, doctor) plug in with a single registration line.
 */

export const EXIT = {
  ok: 0,
  /** The labs have errors (validation) or the command failed. */
  failure: 1,
  /** The command line itself is wrong: unknown command or flag, missing argument. */
  usage: 2,
} as const;

export interface Output {
  write(text: string): unknown;
}

export interface CliIo {
  stdout: Output;
  stderr: Output;
  /** Directory the user ran the command from; relative paths in arguments are resolved against it. */
  cwd: string;
  /** The environment, read once by main.ts. */
  env: Record<string, string | undefined>;
  /** Root of the Praxis checkout (defaults such as content/labs are relative to it). */
  repoRoot: string;
}

export interface Command {
  name: string;
  /** One line for `praxis --help`. */
  summary: string;
  /** Full help text for `praxis <name> --help`. */
  usage: string;
  run(argv: string[], io: CliIo): Promise<number>;
}

/**
 * Prints a command's usage for `--help` (standard output, exit 0) or for a command line that lacks what it
 * needs (standard error, exit 2), and returns the exit code.
 */
export function printUsage(io: CliIo, usage: string, asked: boolean): number {
  (asked ? io.stdout : io.stderr).write(usage.endsWith("\n") ? usage : `${usage}\n`);
  return asked ? EXIT.ok : EXIT.usage;
}

/** Thrown by argument parsing; main.ts prints it with a pointer to --help and exits with EXIT.usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
