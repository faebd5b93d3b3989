/**
 * Connects a TerminalClient to the user's own terminal for `praxis env shell`: raw mode so every key
 * (Ctrl-C included) goes to the remote shell, output acknowledged only once written to stdout (so a
 * flood never outruns a slow local terminal), a resize on SIGWINCH, and the terminal restored however
 * the session ends. Resolves with an exit code for the CLI.
 */
import type { TerminalClient } from "./client";

export interface LocalTerminalIo {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  /** Where SIGWINCH arrives; `process` in the CLI. */
  signals: Pick<NodeJS.Process, "on" | "off">;
}

/** The client must have been connected with `autoAck: false`. */
export async function attachToLocalTerminal(client: TerminalClient, io: LocalTerminalIo): Promise<number> {
  const { stdin, stdout } = io;
  const sendSize = () => {
    if (stdout.columns && stdout.rows) client.resize(stdout.columns, stdout.rows);
  };
  const onInput = (chunk: Buffer) => client.write(chunk);
  const stopOutput = client.onOutput((data) => {
    stdout.write(data, () => client.consumed(data.length));
  });
  const wasRaw = stdin.isTTY ? stdin.isRaw : false;
  if (stdin.isTTY) stdin.setRawMode(true);
  stdin.on("data", onInput);
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
    io.signals.off("SIGWINCH", sendSize);
    stdin.off("data", onInput);
    stdin.pause();
    if (stdin.isTTY) stdin.setRawMode(wasRaw);
    stopOutput();
  }
}
