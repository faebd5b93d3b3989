/**
 * The command registry and dispatcher: finds the command named by the first argument, handles the global
 * `--help`/`help <cmd>`, and maps the outcome to an exit code in one place (usage errors -> 2 with a pointer
 * to the help, unexpected errors -> 1 with the message). Commands themselves stay free of that plumbing.
 */
import { didYouMean } from "../format/suggest";
import { EXIT, UsageError, type CliIo, type Command } from "./command";

export class CommandRegistry {
  private readonly commands = new Map<string, Command>();

  register(command: Command): this {
    if (this.commands.has(command.name)) throw new Error(`command ${command.name} is registered twice`);
    this.commands.set(command.name, command);
    return this;
  }

  list(): Command[] {
    return [...this.commands.values()];
  }

  async dispatch(argv: string[], io: CliIo): Promise<number> {
    const [name, ...rest] = argv;
    if (name === undefined || name === "--help" || name === "-h") {
      io.stdout.write(this.help());
      return name === undefined ? EXIT.usage : EXIT.ok;
    }
    if (name === "help") return this.helpFor(rest, io);
    const command = this.commands.get(name);
    if (!command) {
      const hint = name.startsWith("-") ? `unknown flag \`${name}\`` : `unknown command \`${name}\`${didYouMean(name, this.commands.keys())}`;
      io.stderr.write(`praxis: ${hint}\nRun \`praxis --help\` to see the commands.\n`);
      return EXIT.usage;
    }
    try {
      return await command.run(rest, io);
    } catch (error) {
      if (error instanceof UsageError) {
        io.stderr.write(`praxis ${error.message}\nRun \`praxis ${command.name} --help\` for usage.\n`);
        return EXIT.usage;
      }
      io.stderr.write(`praxis ${command.name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      return EXIT.failure;
    }
  }

  help(): string {
    const width = Math.max(...this.list().map((c) => c.name.length));
    const lines = this.list().map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
    return `Usage: praxis <command> [options]

Praxis: hands-on cloud-native labs.

Commands:
${lines.join("\n")}

Run \`praxis <command> --help\` for a command's options.
Labs are read from PRAXIS_LABS_DIRS (directories separated by ":"; default content/labs).

Exit codes: 0 ok, 1 lab errors or command failure, 2 usage error.
`;
  }

  private helpFor(rest: string[], io: CliIo): number {
    const [name] = rest;
    if (name === undefined) {
      io.stdout.write(this.help());
      return EXIT.ok;
    }
    const command = this.commands.get(name);
    if (!command) {
      io.stderr.write(`praxis: unknown command \`${name}\`${didYouMean(name, this.commands.keys())}\n`);
      return EXIT.usage;
    }
    io.stdout.write(`${command.usage}\n`);
    return EXIT.ok;
  }
}
