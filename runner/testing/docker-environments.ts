/**
 * Environments for `praxis test` and `praxis grade` on a real Docker engine, provisioned exactly the way
 * `praxis env up` does it (same steps, runner id "cli", an expiry label), so a kept environment is an
 * ordinary CLI environment: `praxis env ls/shell/check/down` work on it. Checks go through the runner's one
 * dispatch (executeCheck with checkRequest), so every check kind a lab may use is run the same way the
 * player runs it.
 */
import type { Check, HostScript, Lab } from "../../labs/index";
import { ClusterChecks } from "../checks/cluster-check";
import { executeCheck } from "../checks/execute";
import { checkRequest } from "../checks/request";
import { runScript } from "../checks/script-exec";
import { CLI_RUNNER_ID } from "../cli/deps";
import { isRuntimeError } from "../docker/errors";
import { LABEL } from "../docker/labels";
import type { ContainerRuntime, FileToCopy } from "../docker/runtime";
import { specFromLab, type ReadBytes } from "../environment/from-lab";
import { imageEnsurer } from "../images/builder";
import { newContext } from "../provision/context";
import { ProvisionError } from "../provision/errors";
import { provision } from "../provision/provision";
import { removeSessionObjects } from "../provision/teardown";
import type { CheckAttempts, Environments, LabEnvironment, ScriptOutcome } from "./environment";
import { singleAttempt } from "./single-attempt";

/** Setup and solve output kept for the report: enough for the tail of an error, never a flood. */
const SCRIPT_OUTPUT_CAP = 64 * 1024;

export interface DockerEnvironmentsOptions {
  runtime: ContainerRuntime;
  imagesDir: string;
  readBytes: ReadBytes;
  newId(): string;
  now(): Date;
  /** Expiry label, so a kept environment is eventually reaped like any CLI environment. */
  ttlMinutes: number;
}

export class DockerEnvironments implements Environments {
  constructor(private readonly opts: DockerEnvironmentsOptions) {}

  async up(lab: Lab, progress: (line: string) => void): Promise<LabEnvironment> {
    const { runtime } = this.opts;
    await runtime.ping().catch((error: unknown) => {
      throw isRuntimeError(error, "unavailable") ? new Error(`${error.message}. Is Docker running, and is its socket (DOCKER_HOST) accessible to you?`) : error;
    });
    const spec = await specFromLab(lab, this.opts.readBytes);
    const id = this.opts.newId();
    const now = this.opts.now();
    const ctx = newContext({
      runtime,
      spec,
      ensureImage: imageEnsurer(runtime, this.opts.imagesDir),
      session: {
        sessionId: id,
        labId: spec.labId,
        runnerId: CLI_RUNNER_ID,
        extraLabels: { [LABEL.createdAt]: now.toISOString(), [LABEL.expiresAt]: new Date(now.getTime() + this.opts.ttlMinutes * 60_000).toISOString() },
      },
    });
    await provision(ctx, {
      onEvent: (e) => {
        if (e.status === "progress" && e.message) progress(`${e.step}: ${e.message}`);
        if (e.status === "done") progress(`${e.step} done (${(e.elapsedMs / 1000).toFixed(1)}s)`);
      },
    }).catch((error: unknown) => {
      if (!(error instanceof ProvisionError) || error.rollbackFailures.length === 0) throw error;
      throw new Error(`${error.message}\nleft behind (remove by hand): ${error.rollbackFailures.join("; ")}`, { cause: error });
    });
    return new DockerEnvironment(id, runtime, new Map(ctx.containers), lab);
  }
}

class DockerEnvironment implements LabEnvironment {
  private readonly clusterChecks: ClusterChecks;

  constructor(
    readonly id: string,
    private readonly runtime: ContainerRuntime,
    private readonly containers: ReadonlyMap<string, string>,
    private readonly lab: Lab,
  ) {
    this.clusterChecks = new ClusterChecks(runtime);
  }

  private container(host: string): string {
    const id = this.containers.get(host);
    if (!id) throw new Error(`environment ${this.id} has no host "${host}"`);
    return id;
  }

  async runScript(script: HostScript): Promise<ScriptOutcome> {
    const env = this.lab.environment.hosts.find((h) => h.name === script.host)?.env;
    const run = await runScript(this.runtime, this.container(script.host), script.script.content, {
      timeoutMs: script.timeoutMs,
      env,
      maxOutputBytes: SCRIPT_OUTPUT_CAP,
    });
    return { exitCode: run.exitCode, output: run.stdout + run.stderr, timedOut: run.timedOut, durationMs: run.durationMs };
  }

  runCheck(check: Check, attempts: CheckAttempts) {
    const request = checkRequest(check);
    const target = { sessionId: this.id, hostContainer: (host: string) => this.container(host) };
    return executeCheck({ runtime: this.runtime, clusterChecks: this.clusterChecks }, target, attempts === "once" ? singleAttempt(request) : request);
  }

  copyFiles(host: string, files: FileToCopy[]): Promise<void> {
    return this.runtime.copyFiles(this.container(host), files);
  }

  down(): Promise<string[]> {
    this.clusterChecks.forget(this.id);
    return removeSessionObjects(this.runtime, this.id, CLI_RUNNER_ID);
  }
}
