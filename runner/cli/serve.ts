/**
 * `praxis serve [labs-dir...]`: `npm start` for lab authors — the site and the runner, serving the labs
 * in the given directories (PRAXIS_LABS_DIRS). It delegates to scripts/run.mjs start, which builds the
 * site when needed and then runs scripts/start.ts, so there is exactly one way the product starts.
 */
import path from "node:path";
import { EXIT, type CliIo, type Command } from "../../labs/cli/command";
import { parseCommandArgs } from "../../labs/cli/args";

export interface ServeDeps {
  /** Starts `node <script> start` with the given environment; resolves with its exit code. */
  runStart(env: Record<string, string | undefined>): Promise<number>;
}

const USAGE = `usage: praxis serve [labs-dir...] [--port <n>]

Starts the Praxis site and its runner (like \`npm start\`) serving the labs in the given
directories (default: PRAXIS_LABS_DIRS, else content/labs). Ctrl-C stops both.
`;

export function serveCommand(deps: ServeDeps): Command {
  return {
    name: "serve",
    summary: "run the site and runner locally for the given lab directories",
    usage: USAGE,
    async run(argv: string[], io: CliIo) {
      const args = parseCommandArgs("serve", argv, { port: { type: "string" } });
      if (args.help) {
        io.stdout.write(USAGE);
        return EXIT.ok;
      }
      const port = args.flags.port as string | undefined;
      if (port !== undefined && !/^\d{1,5}$/.test(port)) {
        io.stderr.write(`serve: --port must be a port number, got "${port}"\n`);
        return EXIT.usage;
      }
      const env: Record<string, string | undefined> = { ...io.env };
      if (args.positionals.length > 0) env.PRAXIS_LABS_DIRS = args.positionals.map((d) => path.resolve(io.cwd, d)).join(path.delimiter);
      if (port) env.PORT = port;
      return deps.runStart(env);
    },
  };
}
