/**
 * The runner's metrics, in one place so names and buckets are consistent: sessions by state (read from
 * the session service at scrape time), provisioning and check durations, terminal bytes and open
 * terminals. The check-duration histogram is fed by whoever runs checks (see runner/checks/).
 */
import type { TerminalMetrics } from "../terminal/gateway";
import { CallbackGauge, Counter, Histogram, Registry } from "./metrics";

const SECONDS = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];

export interface RunnerMetrics {
  registry: Registry;
  provisionSeconds: Histogram;
  checkSeconds: Histogram;
  terminal: TerminalMetrics;
}

export function createRunnerMetrics(sessionStates: () => Iterable<string>): RunnerMetrics {
  const registry = new Registry();
  registry.register(
    new CallbackGauge("praxis_sessions", "Sessions known to this runner, by state.", () => {
      const counts = new Map<string, number>();
      for (const state of sessionStates()) counts.set(state, (counts.get(state) ?? 0) + 1);
      return [...counts].map(([state, value]) => ({ labels: { state }, value }));
    }),
  );
  const provisionSeconds = registry.register(
    new Histogram("praxis_provision_duration_seconds", "Time to create a session, by outcome.", SECONDS),
  );
  const checkSeconds = registry.register(new Histogram("praxis_check_duration_seconds", "Time to run one check script.", SECONDS));
  const bytes = registry.register(new Counter("praxis_terminal_bytes_total", "Terminal bytes relayed; in = keystrokes, out = output."));
  let open = 0;
  registry.register(new CallbackGauge("praxis_terminals_open", "Terminal WebSockets currently attached.", () => [{ value: open }]));
  return {
    registry,
    provisionSeconds,
    checkSeconds,
    terminal: {
      bytes: (direction, n) => bytes.inc({ direction }, n),
      connections: (delta) => void (open += delta),
    },
  };
}
