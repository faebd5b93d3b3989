/**
 * Parses the warm-pool setting, e.g. PRAXIS_WARM_POOL="first-container=2,kubernetes-basics=1", into
 * lab id -> count. Problems are returned, not thrown, so the runner settings can list them with all
 * the others at once.
 */
export function parseWarmPool(raw: string | undefined, name = "PRAXIS_WARM_POOL"): { targets: Map<string, number>; problems: string[] } {
  const targets = new Map<string, number>();
  const problems: string[] = [];
  for (const entry of (raw ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z0-9][a-z0-9-]*)=(\d+)$/.exec(entry);
    if (!m) {
      problems.push(`${name}: "${entry}" is not <lab-id>=<count> (e.g. first-container=2)`);
      continue;
    }
    const count = Number(m[2]);
    if (count > 50) problems.push(`${name}: ${m[1]}=${count} is more than 50 warm environments for one lab`);
    else if (count > 0) targets.set(m[1]!, count);
  }
  return { targets, problems };
}
