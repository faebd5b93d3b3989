/**
 * Structured logging for the runner: one JSON object per line ({time, level, event, ...fields}) so logs
 * can be grepped by humans and ingested by machines alike. A logger is created once in the composition
 * root and passed down (no global); `child` adds fields such as a request or session id. `memoryLogger`
 * collects entries for tests that assert something was (or was not) logged.
 */

export type LogLevel = "debug" | "info" | "warn" | "error";
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  debug(event: string, fields?: LogFields): void;
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export interface LogEntry extends Record<string, unknown> {
  level: LogLevel;
  event: string;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Errors do not survive JSON.stringify; keep their name and message (never a stack in production logs). */
function serialisable(fields: LogFields): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = v instanceof Error ? { name: v.name, message: v.message } : v;
  return out;
}

function make(sink: (entry: LogEntry) => void, base: LogFields, minLevel: LogLevel): Logger {
  const at = (level: LogLevel) => (event: string, fields: LogFields = {}) => {
    if (ORDER[level] < ORDER[minLevel]) return;
    sink({ ...serialisable(base), ...serialisable(fields), level, event });
  };
  return {
    debug: at("debug"),
    info: at("info"),
    warn: at("warn"),
    error: at("error"),
    child: (fields) => make(sink, { ...base, ...fields }, minLevel),
  };
}

/** Writes JSON lines to a stream-like target (process.stdout in the runner). */
export function jsonLogger(out: { write(line: string): unknown }, options: { level?: LogLevel; now?: () => Date } = {}): Logger {
  const now = options.now ?? (() => new Date());
  return make((entry) => out.write(`${JSON.stringify({ time: now().toISOString(), ...entry })}\n`), {}, options.level ?? "info");
}

export function memoryLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return Object.assign(make((e) => entries.push(e), {}, "debug"), { entries });
}
