/**
 * Pure state of the provisioning step list the learner watches: folds the runner's events (`steps`,
 * `progress`, `state`, as streamed by /api/sessions/:id/events) into one row per step with its status
 * and latest message, a completed fraction for the progress bar, and the outcome. A replayed stream (the
 * browser reconnected) starts again at `steps`, so folding the replay gives the same picture. No React.
 */

export type StepStatus = "pending" | "running" | "done" | "failed";

export interface StepRow {
  name: string;
  label: string;
  status: StepStatus;
  message: string;
}

export interface ProvisionView {
  steps: StepRow[];
  /** 0..1, for the progress bar. */
  fraction: number;
  outcome: { kind: "provisioning" } | { kind: "ready" } | { kind: "failed"; message: string };
}

export type ProvisionEvent =
  | { type: "steps"; steps: string[] }
  | { type: "progress"; step: string; status: "started" | "progress" | "done" | "failed"; message: string }
  | { type: "state"; state: string; error?: string };

/** What a learner should read for each internal step name. */
const LABELS: Record<string, string> = {
  "ensure-images": "Images",
  "create-network": "Private network",
  "start-hosts": "Hosts",
  "copy-files": "Lab files",
  "create-cluster-nodes": "Kubernetes nodes",
  "kubeadm-init": "Control plane",
  "install-cluster-addons": "Pod network and storage",
  "join-workers": "Worker nodes",
  "load-images": "Lab images into the cluster",
  "wait-cluster-ready": "Nodes ready",
  "connect-hosts-to-cluster": "kubectl on your hosts",
  "run-setup": "Setup scripts",
};

export const initialProvisionView: ProvisionView = { steps: [], fraction: 0, outcome: { kind: "provisioning" } };

function withFraction(view: ProvisionView): ProvisionView {
  const total = view.steps.length;
  if (total === 0) return { ...view, fraction: 0 };
  // A running step counts half, so the bar moves when a long step (an image build) begins.
  const score = view.steps.reduce((sum, s) => sum + (s.status === "done" ? 1 : s.status === "running" ? 0.5 : 0), 0);
  return { ...view, fraction: view.outcome.kind === "ready" ? 1 : score / total };
}

export function foldProvisionEvent(view: ProvisionView, e: ProvisionEvent): ProvisionView {
  switch (e.type) {
    case "steps":
      return withFraction({ steps: e.steps.map((name) => ({ name, label: LABELS[name] ?? name, status: "pending", message: "" })), fraction: 0, outcome: { kind: "provisioning" } });
    case "progress": {
      // Rollback events are not steps of their own; the failed step already says what went wrong.
      if (!view.steps.some((s) => s.name === e.step)) return view;
      const status: StepStatus = e.status === "done" ? "done" : e.status === "failed" ? "failed" : "running";
      const steps = view.steps.map((s) => (s.name === e.step ? { ...s, status, message: e.message || (status === "running" ? s.message : "") } : s));
      return withFraction({ ...view, steps });
    }
    case "state":
      if (e.state === "ready" || e.state === "warm") return withFraction({ ...view, outcome: { kind: "ready" } });
      if (e.state === "provisioning") return view;
      return withFraction({ ...view, outcome: { kind: "failed", message: failureText(e.state, e.error) } });
  }
}

/** Plain words for how a start ended badly. */
export function failureText(state: string, error?: string): string {
  if (state === "failed") return error ? `setting up the environment failed: ${error}` : "setting up the environment failed";
  if (state === "stopped") return "the environment was stopped before it was ready";
  return `the environment ended (${state}) before it was ready`;
}
