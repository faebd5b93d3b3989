/**
 * The commands that give a terminal a shell which outlives its WebSocket. Each terminal is a tmux session
 * named after the terminal id, so a reload re-attaches to the same shell, scrollback and running jobs.
 *
 * Docker does not hang up an exec's pseudo-terminal when the client disconnects: the tmux client would
 * linger (one process and one pty per reconnect, eating into the host's pids limit). So the attach
 * wrapper records its PID under a per-connection id, and `detachCommand` sends that PID SIGHUP, which a
 * tmux client treats as "lost terminal" and detaches — the tmux session itself keeps running.
 * Images without tmux still get a shell (without persistence) rather than an error.
 * A read-only attach (an instructor's shadow view) joins the same tmux session as a read-only client
 * that does not resize the learner's window; without tmux there is no shell to watch, so it says so.
 */

/** Terminal ids become tmux session names and file names: keep them boring. */
const TERMINAL_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;
const CONNECTION_ID = /^[A-Za-z0-9_-]{1,64}$/;
const PID_DIR = "/tmp/.praxis-terminals";

export function isValidTerminalId(id: string): boolean {
  return TERMINAL_ID.test(id);
}

function check(kind: string, pattern: RegExp, value: string): void {
  if (!pattern.test(value)) throw new RangeError(`invalid ${kind} ${JSON.stringify(value)}`);
}

// Arguments are passed positionally ($1, $2), never spliced into the script, so nothing needs quoting.
const ATTACH_SCRIPT = [
  `mkdir -p ${PID_DIR} && echo $$ > "${PID_DIR}/$2.pid"`,
  `if command -v tmux >/dev/null 2>&1; then exec tmux new-session -A -s "$1"; fi`,
  `if command -v bash >/dev/null 2>&1; then exec bash -l; fi`,
  `exec sh -l`,
].join("\n");

// Creating the session first lets an instructor watch a learner who has not opened a terminal yet.
const WATCH_SCRIPT = [
  `mkdir -p ${PID_DIR} && echo $$ > "${PID_DIR}/$2.pid"`,
  `if ! command -v tmux >/dev/null 2>&1; then echo "this host has no tmux: its terminal cannot be watched"; exit 1; fi`,
  `tmux has-session -t "=$1" 2>/dev/null || tmux new-session -d -s "$1"`,
  `exec tmux attach-session -f read-only,ignore-size -t "=$1"`,
].join("\n");

const DETACH_SCRIPT = [
  `f="${PID_DIR}/$1.pid"`,
  `if [ -f "$f" ]; then kill -HUP "$(cat "$f")" 2>/dev/null; rm -f "$f"; fi`,
  `exit 0`,
].join("\n");

/** Argv for a TTY exec that attaches to (or creates) the terminal's tmux session; read-only for a shadow view. */
export function attachCommand(terminalId: string, connectionId: string, opts: { readOnly?: boolean } = {}): string[] {
  check("terminal id", TERMINAL_ID, terminalId);
  check("connection id", CONNECTION_ID, connectionId);
  return ["sh", "-c", opts.readOnly ? WATCH_SCRIPT : ATTACH_SCRIPT, "praxis-terminal", terminalId, connectionId];
}

/** Argv for a plain exec that detaches the tmux client started by `attachCommand` for this connection. */
export function detachCommand(connectionId: string): string[] {
  check("connection id", CONNECTION_ID, connectionId);
  return ["sh", "-c", DETACH_SCRIPT, "praxis-terminal-detach", connectionId];
}

// The session's shell, its jobs and any attached clients (the learner's tab, a shadow view) end together.
const CLOSE_SCRIPT = [
  `if command -v tmux >/dev/null 2>&1; then tmux kill-session -t "=$1" 2>/dev/null; fi`,
  `exit 0`,
].join("\n");

/** Argv for a plain exec that ends the terminal's tmux session for good (the player closed its tab). */
export function closeCommand(terminalId: string): string[] {
  check("terminal id", TERMINAL_ID, terminalId);
  return ["sh", "-c", CLOSE_SCRIPT, "praxis-terminal-close", terminalId];
}

/** Environment for the attached shell: xterm.js speaks xterm-256color with truecolor. */
export const TERMINAL_ENV: Readonly<Record<string, string>> = { TERM: "xterm-256color", COLORTERM: "truecolor" };
