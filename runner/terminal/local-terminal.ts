/**
 * Connects a TerminalClient to the user's own terminal for `praxis env shell`: raw mode so every key
 * (Ctrl-C included) goes to the remote shell, output acknowledged only once written to stdout (so a
 * flood never outruns a slow local terminal), a resize on SIGWINCH, and the terminal restored however
 * the session ends. Resolves with an exit code for the CLI. With piped (non-TTY) input, the input is
 * held until the shell has drawn its prompt and gone quiet (a shell starting up may flush typeahead),
 * and the end of the input detaches once the output has gone quiet again, so `echo cmd | praxis env
 * shell <id>` works in scripts and leaves the shell running in tmux, as a detach would.
 */
import type { TerminalClient } from "./client";

export interface LocalTerminalIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Where SIGWINCH arrives; `process` in the CLI. */
  signals: Pick<NodeJS.Process, "on" | "off">;
  /** Piped input: how long the output must stay quiet before input is sent, and before detaching at its end. */
  quietMs?: number;
}

/** Calls `done` once `ready()` holds and no output has arrived for `quietMs` (polled, so a steady stream keeps it waiting). */
function whenQuiet(lastOutputAt: () => number, quietMs: number, done: () => void, ready = () => true): () => void {
  const timer = setInterval(() => {
    if (ready() && Date.now() - lastOutputAt() >= quietMs) {
      clearInterval(timer);
      done();
    }
  }, Math.max(10, quietMs / 4));
  return () => clearInterval(timer);
}

/** The client must have been connected with `autoAck: false`. */
export async function attachToLocalTerminal(client: TerminalClient, io: LocalTerminalIo): Promise<number> {
  const { stdin, stdout } = io;
  const sendSize = () => {
    if (stdout.columns && stdout.rows) client.resize(stdout.columns, stdout.rows);
  };
  const piped = !stdin.isTTY;
  const quietMs = io.quietMs ?? 750;
  let lastOutputAt = Date.now();
  let sawOutput = false;
  let held: Buffer[] | null = piped ? [] : null;
  let inputEnded = false;
  const onInput = (chunk: Buffer) => (held ? held.push(chunk) : client.write(chunk));
  const detachWhenQuiet = () => whenQuiet(() => lastOutputAt, quietMs, () => client.close());
  let stopWaiting = piped
    ? whenQuiet(
        () => lastOutputAt,
        quietMs,
        () => {
          for (const chunk of held ?? []) client.write(chunk);
          held = null;
          if (inputEnded) stopWaiting = detachWhenQuiet();
        },
        () => sawOutput,
      )
    : () => {};
  const onInputEnd = () => {
    inputEnded = true;
    lastOutputAt = Date.now();
    if (!held) stopWaiting = detachWhenQuiet();
  };
  const stopOutput = client.onOutput((data) => {
    sawOutput = true;
    lastOutputAt = Date.now();
    stdout.write(data, () => client.consumed(data.length));
  });
  const wasRaw = stdin.isTTY ? stdin.isRaw : false;
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.on("data", onInput);
  if (piped) stdin.once("end", onInputEnd);
  stdin.resume();
  io.signals.on("SIGWINCH", sendSize);
  sendSize();
  try {
    const end = await client.closed;
    if (end.error) stdout.write(`\r\npraxis: terminal error: ${end.error}\r\n`);
    if (end.exitCode !== undefined) return end.exitCode ?? 1;
    // Closed without EXIT: the runner went away or the session ended.
    if (end.code !== 1000) stdout.write(`\r\npraxis: connection closed (${end.code}${end.reason ? ` ${end.reason}` : ""})\r\n`);
    return end.code === 1000 ? 0 : 1;
  } finally {
    stopWaiting();
    io.signals.off("SIGWINCH", sendSize);
    stdin.off("data", onInput);
    stdin.off("end", onInputEnd);
    stdin.pause();
    if (stdin.isTTY) stdin.setRawMode(wasRaw);
    stopOutput();
  }
}
