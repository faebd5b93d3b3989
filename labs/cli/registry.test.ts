/**
 * The registry is where later commands plug in: a registered command is dispatched with its arguments, and
 * the registry alone maps usage errors to exit 2 and unexpected failures to exit 1.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { UsageError, type CliIo, type Command } from "./command";
import { CommandRegistry } from "./registry";

function memoryIo(): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t) }, cwd: "/", env: {}, repoRoot: "/repo" };
}

const echo: Command = {
  name: "echo",
  summary: "print the arguments",
  usage: "Usage: praxis echo [words…]",
  async run(argv, io) {
    if (argv[0] === "--bad") throw new UsageError("echo: unknown flag `--bad`");
    if (argv[0] === "--crash") throw new Error("boom");
    io.stdout.write(argv.join(" "));
    return 0;
  },
};

describe("CommandRegistry", () => {
  it("dispatches to a registered command with the remaining arguments", async () => {
    const io = memoryIo();
    assert.equal(await new CommandRegistry().register(echo).dispatch(["echo", "a", "b"], io), 0);
    assert.deepEqual(io.out, ["a b"]);
  });

  it("maps usage errors to 2 and failures to 1", async () => {
    const registry = new CommandRegistry().register(echo);
    const usage = memoryIo();
    assert.equal(await registry.dispatch(["echo", "--bad"], usage), 2);
    assert.equal(usage.err.join(""), "praxis echo: unknown flag `--bad`\nRun `praxis echo --help` for usage.\n");
    const crash = memoryIo();
    assert.equal(await registry.dispatch(["echo", "--crash"], crash), 1);
    assert.match(crash.err.join(""), /^praxis echo: Error: boom/);
  });

  it("lists commands in the help and refuses duplicates", () => {
    const registry = new CommandRegistry().register(echo);
    assert.match(registry.help(), /^  echo  print the arguments$/m);
    assert.throws(() => registry.register(echo), /registered twice/);
  });
});
