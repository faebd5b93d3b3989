/**
 * Exec against Docker: the captured variant (output, exit code, client-side deadline) used by setup
 * scripts and checks, the TTY variant used by terminals, and the piped variant used by service tunnels. Kept apart from dockerode-runtime.ts
 * because stream handling is the fiddly part of the Docker API (multiplexed frames, hijacked sockets,
 * exit codes that appear a moment after the stream ends).
 */
import type Docker from "dockerode";
import { PassThrough, Readable, Writable, type Duplex } from "node:stream";
import { engine } from "./dockerode-errors";
import type { ExecOptions, ExecResult, PipedExec, TtyExec, TtyExecOptions } from "./runtime";

const DEFAULT_MAX_OUTPUT = 1024 * 1024;

function envList(env?: Readonly<Record<string, string>>): string[] | undefined {
  return env ? Object.entries(env).map(([k, v]) => `${k}=${v}`) : undefined;
}

/** Collects bytes up to a cap, remembering whether anything was dropped. */
class CappedSink extends Writable {
  private chunks: Buffer[] = [];
  private size = 0;
  truncated = false;
  constructor(private readonly cap: number) {
    super();
  }
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    const room = this.cap - this.size;
    if (chunk.length > room) this.truncated = true;
    if (room > 0) {
      const part = chunk.subarray(0, room);
      this.chunks.push(part);
      this.size += part.length;
    }
    done();
  }
  bytes(): Buffer {
    return Buffer.concat(this.chunks);
  }
  text(): string {
    return this.bytes().toString("utf8");
  }
}

/** The exit code is only final once Docker marks the exec as no longer running. */
async function exitCodeOf(exec: Docker.Exec): Promise<number | null> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const info = await exec.inspect();
    if (!info.Running && info.ExitCode !== null) return info.ExitCode;
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

export async function dockerExec(docker: Docker, containerId: string, opts: ExecOptions): Promise<ExecResult> {
  const what = `exec ${JSON.stringify(opts.cmd)} in ${containerId}`;
  const container = docker.getContainer(containerId);
  const hasStdin = opts.stdin !== undefined;
  const exec = await engine(what, () =>
    container.exec({
      Cmd: opts.cmd,
      AttachStdout: true,
      AttachStderr: true,
      AttachStdin: hasStdin,
      Env: envList(opts.env),
      User: opts.user,
      WorkingDir: opts.workingDir,
    }),
  );
  const stream = await engine(what, () => exec.start({ hijack: true, stdin: hasStdin }));
  const cap = opts.maxOutputBytes ?? DEFAULT_MAX_OUTPUT;
  const stdout = new CappedSink(cap);
  const stderr = new CappedSink(cap);
  docker.modem.demuxStream(stream, stdout, stderr);
  const input = opts.stdin;
  if (input instanceof Readable) {
    input.on("error", (err) => stream.destroy(err));
    input.pipe(stream);
  } else if (input !== undefined) stream.end(typeof input === "string" ? input : Buffer.from(input));

  const finished = new Promise<"done">((resolve, reject) => {
    stream.on("end", () => resolve("done"));
    stream.on("close", () => resolve("done"));
    stream.on("error", reject);
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    if (opts.timeoutMs !== undefined) timer = setTimeout(() => resolve("timeout"), opts.timeoutMs);
  });
  const outcome = await Promise.race([finished, deadline]).finally(() => clearTimeout(timer));
  const result = {
    stdout: stdout.text(),
    stderr: stderr.text(),
    truncated: stdout.truncated || stderr.truncated,
    ...(opts.rawStdout ? { stdoutBytes: new Uint8Array(stdout.bytes()) } : {}),
  };
  if (outcome === "timeout") {
    stream.destroy();
    return { ...result, exitCode: -1, timedOut: true };
  }
  const exitCode = await engine(what, () => exitCodeOf(exec));
  return { ...result, exitCode: exitCode ?? -1, timedOut: false };
}

export async function dockerExecTty(docker: Docker, containerId: string, opts: TtyExecOptions): Promise<TtyExec> {
  const what = `tty exec ${JSON.stringify(opts.cmd)} in ${containerId}`;
  const exec = await engine(what, () =>
    docker.getContainer(containerId).exec({
      Cmd: opts.cmd,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
      Env: envList(opts.env),
      User: opts.user,
      WorkingDir: opts.workingDir,
    }),
  );
  const stream: Duplex = await engine(what, () => exec.start({ hijack: true, stdin: true, Tty: true }));
  const resize = (cols: number, rows: number) =>
    engine(`resize ${what}`, () => exec.resize({ h: rows, w: cols })).then(() => undefined);
  // Best effort: the process may already have exited, which is not worth failing the terminal for.
  await resize(opts.cols, opts.rows).catch(() => undefined);

  const listeners = new Set<(chunk: Uint8Array) => void>();
  stream.on("data", (chunk: Buffer) => {
    for (const l of listeners) l(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length));
  });
  const exited = new Promise<{ exitCode: number | null }>((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      exitCodeOf(exec).then(
        (exitCode) => resolve({ exitCode }),
        () => resolve({ exitCode: null }),
      );
    };
    stream.on("end", settle);
    stream.on("close", settle);
    stream.on("error", settle);
  });
  return {
    onData(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    write(data) {
      if (!stream.destroyed) stream.write(typeof data === "string" ? data : Buffer.from(data));
    },
    resize,
    pause: () => stream.pause(),
    resume: () => stream.resume(),
    close: () => stream.destroy(),
    exited,
  };
}

/** A non-TTY exec with stdin attached: demultiplexed stdout as a stream, stdin as a writable whose end is EOF. */
export async function dockerExecPipe(docker: Docker, containerId: string, opts: { cmd: string[] }): Promise<PipedExec> {
  const what = `piped exec ${JSON.stringify(opts.cmd)} in ${containerId}`;
  const exec = await engine(what, () => docker.getContainer(containerId).exec({ Cmd: opts.cmd, AttachStdin: true, AttachStdout: true, AttachStderr: true }));
  const stream: Duplex = await engine(what, () => exec.start({ hijack: true, stdin: true }));
  const stdout = new PassThrough();
  const stderr = new CappedSink(16 * 1024);
  // demuxStream writes without regard to backpressure; pausing the connection while our reader is behind
  // keeps a fast service and a slow client (a large download) from piling the difference up in memory.
  const paced = new Writable({
    write: (chunk: Buffer, _enc, done) => {
      if (!stdout.write(chunk) && !stream.isPaused()) {
        stream.pause();
        stdout.once("drain", () => stream.resume());
      }
      done();
    },
  });
  docker.modem.demuxStream(stream, paced, stderr);
  const stdin = new Writable({
    write: (chunk: Buffer, _enc, done) => (stream.destroyed ? done() : void stream.write(chunk, () => done())),
    // Half-closing the hijacked connection is how Docker learns that stdin ended.
    final: (done) => {
      if (!stream.destroyed) stream.end();
      done();
    },
  });
  const exited = new Promise<{ exitCode: number | null; stderr: string }>((resolve) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      stdout.end();
      exitCodeOf(exec).then(
        (exitCode) => resolve({ exitCode, stderr: stderr.text() }),
        () => resolve({ exitCode: null, stderr: stderr.text() }),
      );
    };
    stream.on("end", settle);
    stream.on("close", settle);
    stream.on("error", settle);
  });
  return { stdin, stdout, exited, close: () => stream.destroy() };
}
