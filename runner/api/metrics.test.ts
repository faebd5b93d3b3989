import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { CallbackGauge, Counter, Histogram, Registry } from "./metrics";

describe("metrics registry", () => {
  it("renders counters, gauges and cumulative histogram buckets in Prometheus text format", () => {
    const registry = new Registry();
    const c = registry.register(new Counter("x_total", "Things."));
    c.inc({ dir: 'in"' }, 3);
    c.inc({ dir: 'in"' });
    registry.register(new CallbackGauge("g", "Gauge.", () => [{ labels: { state: "ready" }, value: 2 }]));
    const h = registry.register(new Histogram("d_seconds", "Durations.", [1, 5]));
    h.observe(0.5);
    h.observe(3);
    h.observe(10);
    assert.equal(
      registry.render(),
      [
        "# HELP x_total Things.",
        "# TYPE x_total counter",
        'x_total{dir="in\\""} 4',
        "# HELP g Gauge.",
        "# TYPE g gauge",
        'g{state="ready"} 2',
        "# HELP d_seconds Durations.",
        "# TYPE d_seconds histogram",
        'd_seconds_bucket{le="1"} 1',
        'd_seconds_bucket{le="5"} 2',
        'd_seconds_bucket{le="+Inf"} 3',
        "d_seconds_sum 13.5",
        "d_seconds_count 3",
        "",
      ].join("\n"),
    );
  });

  it("refuses to decrease a counter", () => {
    assert.throws(() => new Counter("c", "c").inc({}, -1), /cannot decrease/);
  });
});
