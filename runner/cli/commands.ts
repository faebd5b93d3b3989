/**
 * The runner's CLI commands as `Command`s for the praxis registry (labs/cli/registry.ts):
 * `images build` and `env up|ls|exec|shell|down`. This is the CLI edge for runner errors: expected failures
 * (engine down, invalid lab, failed provisioning) become one clear line and exit code 1 instead of a
 * stack trace. Register with `registry.register(imagesCommand()).register(envCommand())`.
 */
import { EXIT, type CliIo, type Command } from "../../labs/cli/command";
import { RuntimeError } from "../docker/errors";
import { ClusterError } from "../cluster/node-exec";
import { InvalidEnvironmentError } from "../environment/spec";
import { ImageBuildError } from "../images/builder";
import { ProvisionError } from "../provision/errors";
import { cliDeps, LabNotLoadable, type CliDeps } from "./deps";
import { envDown } from "./env-down";
import { envCheck } from "./env-check";
import { envExec } from "./env-exec";
import { envKubeconfig } from "./env-kubeconfig";
import { envLs } from "./env-ls";
import { envShell } from "./env-shell";
import { envUp } from "./env-up";
import { imagesBuild } from "./images-build";

type Sub = (argv: string[], io: CliIo, deps: CliDeps) => Promise<number>;

function expectedFailure(err: unknown): string | null {
  if (err instanceof RuntimeError && err.kind === "unavailable") return `${err.message}. Is Docker running, and is its socket (DOCKER_HOST) accessible to you?`;
  if (err instanceof ProvisionError) {
    const left = err.rollbackFailures.length > 0 ? `\nleft behind (remove by hand): ${err.rollbackFailures.join("; ")}` : "";
    return `provisioning failed at ${err.message}${left}`;
  }
  if (err instanceof RuntimeError || err instanceof ClusterError || err instanceof InvalidEnvironmentError || err instanceof LabNotLoadable || err instanceof ImageBuildError) return err.message;
  return null;
}

function group(name: string, summary: string, subs: Record<string, Sub>, usage: string, makeDeps: (io: CliIo) => CliDeps): Command {
  return {
    name,
    summary,
    usage,
    async run(argv, io) {
      const [subName, ...rest] = argv;
      const sub = subName ? subs[subName] : undefined;
      if (!sub) {
        (subName === "--help" || subName === "-h" ? io.stdout : io.stderr).write(usage);
        return subName === "--help" || subName === "-h" ? EXIT.ok : EXIT.usage;
      }
      try {
        return await sub(rest, io, makeDeps(io));
      } catch (err) {
        const message = expectedFailure(err);
        if (message === null) throw err;
        io.stderr.write(`praxis ${name} ${subName}: ${message}\n`);
        return EXIT.failure;
      }
    },
  };
}

export function imagesCommand(makeDeps: (io: CliIo) => CliDeps = cliDeps): Command {
  return group("images", "build the Praxis container images", { build: imagesBuild }, "usage: praxis images build [name...] [--force]\n", makeDeps);
}

export function envCommand(makeDeps: (io: CliIo) => CliDeps = cliDeps): Command {
  const usage = [
    "usage: praxis env <subcommand>",
    "  up <lab> [--json] [--ttl <minutes>]   start a lab's environment, print its id",
    "  ls [--json]                           list environments on this Docker engine",
    "  exec <id> [--host h] -- <cmd...>      run a command in a host of an environment",
    "  shell <id> [--host h]                 open an interactive shell (the same tmux session as the web terminal)",
    "  check <id> [--step s] [--json]        run the lab's checks against it (exit 1 if any fails)",
    "  kubeconfig <id>                       print a kubeconfig for its Kubernetes cluster (from this machine)",
    "  down <id>                             remove an environment",
    "",
  ].join("\n");
  return group("env", "start, inspect and remove lab environments from the command line", { up: envUp, ls: envLs, exec: envExec, shell: envShell, check: envCheck, kubeconfig: envKubeconfig, down: envDown }, usage, makeDeps);
}
