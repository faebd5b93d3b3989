/**
 * Builds small in-memory Labs for unit tests of `praxis test` and `praxis grade`: one host `ws`, steps
 * whose setup, checks and solve are scripts in FakeEnvironments' toy shell (fake-environments.ts).
 */
import type { Check, Grading, HostScript, Lab } from "../../labs/index";

export interface FakeStep {
  id: string;
  setup?: string[];
  /** Script text per check; the name is "<id> check <n>" unless given as [name, script]. */
  checks?: (string | [string, string, number?])[];
  solve?: string;
}

const script = (content: string): HostScript => ({ host: "ws", script: { content }, timeoutMs: 60_000 });

export function fakeLab(id: string, steps: FakeStep[], grading?: Grading): Lab {
  return {
    apiVersion: "praxis.dev/v1alpha1",
    dir: `/labs/${id}`,
    metadata: { id, title: id, summary: "", topics: [], difficulty: "beginner", estimatedMinutes: 1, prerequisites: [] },
    environment: {
      hosts: [
        {
          name: "ws",
          image: "praxis/workstation",
          privileged: false,
          capabilities: [],
          resources: { cpus: 1, memoryBytes: 64 * 1024 ** 2, pids: 64 },
          env: {},
          files: [],
          workingDir: "/root",
          terminal: true,
          editorPaths: [],
          setup: [],
          ports: [],
        },
      ],
    },
    steps: steps.map((s) => ({
      id: s.id,
      title: s.id,
      instructions: { path: `steps/${s.id}/index.md`, markdown: "" },
      setup: (s.setup ?? []).map(script),
      checks: (s.checks ?? []).map((c, n): Check => {
        const [name, content, weight] = typeof c === "string" ? [`${s.id} check ${n + 1}`, c, 1] : c;
        return { kind: "script", name, host: "ws", script: { content }, timeoutMs: 30_000, retries: 0, intervalMs: 1000, weight: weight ?? 1 };
      }),
      ...(s.solve !== undefined && { solve: script(s.solve) }),
      hints: [],
    })),
    ...(grading && { grading }),
  };
}
