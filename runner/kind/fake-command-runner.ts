/**
 * In-memory CommandRunner for unit tests: records every command, and "builds" by writing the files a
 * test registers for a command (matched by a substring of its joined argv), prints registered output,
 * or fails when told to.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { CommandResult, CommandRunner, CommandSpec } from "./command-runner";

export class FakeCommandRunner implements CommandRunner {
  readonly calls: CommandSpec[] = [];
  private readonly outputs: { match: string; files: string[] }[] = [];
  private readonly failures: string[] = [];
  private readonly prints_: { match: string; text: string }[] = [];

  /** When a command's argv contains `match`, the given absolute paths are created. */
  produces(match: string, files: string[]): this {
    this.outputs.push({ match, files });
    return this;
  }

  /** When a command's argv contains `match`, `text` is its output. */
  prints(match: string, text: string): this {
    this.prints_.push({ match, text });
    return this;
  }

  failsOn(match: string): this {
    this.failures.push(match);
    return this;
  }

  async run(spec: CommandSpec, onLine?: (line: string) => void): Promise<CommandResult> {
    this.calls.push(spec);
    const argv = [spec.cmd, ...spec.args].join(" ");
    onLine?.(`fake: ${argv}`);
    if (this.failures.some((m) => argv.includes(m))) return { exitCode: 1, tail: `fake failure of ${argv}` };
    for (const out of this.outputs.filter((o) => argv.includes(o.match))) {
      for (const file of out.files) {
        await mkdir(dirname(file), { recursive: true });
        await writeFile(file, `built by: ${argv}\n`);
      }
    }
    const text = this.prints_.filter((p) => argv.includes(p.match)).map((p) => p.text).join("\n");
    for (const line of text.split("\n")) if (line) onLine?.(line);
    return { exitCode: 0, tail: text };
  }
}
