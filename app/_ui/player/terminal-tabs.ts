/**
 * Terminals per host: the first is "main" (the shell the lab's instructions assume), "+" adds "2", "3"… Each id
 * is its own tmux session on the host, so a reload reattaches to the same shells; the list is remembered per
 * session in the browser for that reason. Ids follow the runner's rule ([A-Za-z0-9][A-Za-z0-9_-]{0,31}).
 */

export type TerminalTabs = Record<string, string[]>;

export const MAX_TERMINALS_PER_HOST = 6;
const ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

export function initialTerminals(hosts: readonly string[]): TerminalTabs {
  return Object.fromEntries(hosts.map((h) => [h, ["main"]]));
}

/** Adds the next free numbered terminal on a host; unchanged at the limit. */
export function addTerminal(tabs: TerminalTabs, host: string): { tabs: TerminalTabs; added: string | null } {
  const ids = tabs[host] ?? ["main"];
  if (ids.length >= MAX_TERMINALS_PER_HOST) return { tabs, added: null };
  let n = 2;
  while (ids.includes(String(n))) n++;
  const added = String(n);
  return { tabs: { ...tabs, [host]: [...ids, added] }, added };
}

export function removeTerminal(tabs: TerminalTabs, host: string, id: string): TerminalTabs {
  if (id === "main") return tabs;
  return { ...tabs, [host]: (tabs[host] ?? []).filter((t) => t !== id) };
}

/** Reads a remembered list back, keeping only the lab's hosts and valid ids, and always "main" first. */
export function restoreTerminals(hosts: readonly string[], stored: string | null): TerminalTabs {
  const base = initialTerminals(hosts);
  if (!stored) return base;
  let parsed: unknown;
  try {
    parsed = JSON.parse(stored);
  } catch {
    return base;
  }
  if (typeof parsed !== "object" || parsed === null) return base;
  for (const host of hosts) {
    const ids = (parsed as Record<string, unknown>)[host];
    if (!Array.isArray(ids)) continue;
    const extra = ids.filter((id): id is string => typeof id === "string" && ID.test(id) && id !== "main");
    base[host] = ["main", ...new Set(extra)].slice(0, MAX_TERMINALS_PER_HOST);
  }
  return base;
}
