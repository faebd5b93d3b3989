/**
 * The provisioning driver: runs the steps in order, reports each as progress events, and on failure
 * unwinds the undo stack in reverse and then sweeps the session's labels so nothing is left behind.
 * Modelled on kind's create actions: the order lives here, the work lives in steps/.
 */
import { CLUSTER_STEPS } from "../cluster/index";
import { RuntimeError } from "../docker/errors";
import type { ProvisionContext, ProvisionStep } from "./context";
import { ProvisionError } from "./errors";
import { copyFiles } from "./steps/copy-files";
import { createNetwork } from "./steps/create-network";
import { ensureImages } from "./steps/ensure-images";
import { runSetup } from "./steps/run-setup";
import { startHosts } from "./steps/start-hosts";
import { removeSessionObjects } from "./teardown";

export type StepStatus = "started" | "progress" | "done" | "failed";

export interface ProgressEvent {
  step: string;
  status: StepStatus;
  message: string;
  /** Milliseconds since this step started. */
  elapsedMs: number;
}

/** The steps for an environment, in order; setup scripts run last since they may use the cluster too. */
export function provisionSteps(withCluster: boolean): readonly ProvisionStep[] {
  return [ensureImages, createNetwork, startHosts, copyFiles, ...(withCluster ? CLUSTER_STEPS : []), runSetup];
}

export interface ProvisionOptions {
  steps?: readonly ProvisionStep[];
  onEvent?: (event: ProgressEvent) => void;
}

export async function provision(ctx: ProvisionContext, opts: ProvisionOptions = {}): Promise<void> {
  const emit = opts.onEvent ?? (() => {});
  for (const step of opts.steps ?? provisionSteps(ctx.spec.cluster !== undefined)) {
    const started = Date.now();
    const report = (status: StepStatus, message: string) => emit({ step: step.name, status, message, elapsedMs: Date.now() - started });
    report("started", "");
    try {
      await step.run(ctx, (message) => report("progress", message));
    } catch (err) {
      const failure = asProvisionError(step.name, err);
      report("failed", failure.detail);
      const leftovers = await rollback(ctx, emit);
      throw new ProvisionError(failure.step, failure.detail, { cause: failure.cause ?? err }, leftovers);
    }
    report("done", "");
  }
}

function asProvisionError(step: string, err: unknown): ProvisionError {
  if (err instanceof ProvisionError) return err;
  const message = err instanceof RuntimeError || err instanceof Error ? err.message : String(err);
  return new ProvisionError(step, message, { cause: err });
}

async function rollback(ctx: ProvisionContext, emit: (e: ProgressEvent) => void): Promise<string[]> {
  const started = Date.now();
  const failures: string[] = [];
  for (const action of ctx.undo.splice(0).reverse()) {
    try {
      await action.run();
      emit({ step: "rollback", status: "progress", message: `removed ${action.what}`, elapsedMs: Date.now() - started });
    } catch (err) {
      failures.push(`${action.what}: ${String(err)}`);
    }
  }
  // The undo stack misses objects whose creation call failed after the engine made them; labels don't.
  const swept = await removeSessionObjects(ctx.runtime, ctx.session.sessionId, ctx.session.runnerId).catch((err: unknown) => [`sweep: ${String(err)}`]);
  // Undo failures only matter if the sweep could not remove those objects either.
  const leftovers = swept;
  for (const f of failures) emit({ step: "rollback", status: "progress", message: `undo failed, left to the sweep: ${f}`, elapsedMs: Date.now() - started });
  emit({ step: "rollback", status: leftovers.length ? "failed" : "done", message: leftovers.join("; "), elapsedMs: Date.now() - started });
  return leftovers;
}
