/**
 * An in-memory TtyExec for unit tests of terminals: by default it behaves like a terminal in echo mode
 * (what you write comes back as output), honours pause/resume by buffering, and lets a test push output
 * (`emit`) or end the process (`finish`). `written` records every byte the client sent.
 */
import type { TtyExec } from "./runtime";

export class FakeTtyExec implements TtyExec {
  readonly written: Uint8Array[] = [];
  cols: number;
  rows: number;
  paused = false;
  closed = false;
  readonly exited: Promise<{ exitCode: number | null }>;
  private readonly listeners = new Set<(chunk: Uint8Array) => void>();
  private readonly held: Uint8Array[] = [];
  private resolveExit!: (v: { exitCode: number | null }) => void;

  constructor(
    size: { cols: number; rows: number },
    private readonly echo = true,
  ) {
    this.cols = size.cols;
    this.rows = size.rows;
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  write(data: Uint8Array | string): void {
    if (this.closed) return;
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    this.written.push(bytes);
    if (this.echo) this.emit(bytes);
  }

  async resize(cols: number, rows: number): Promise<void> {
    this.cols = cols;
    this.rows = rows;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const chunk of this.held.splice(0)) this.deliver(chunk);
  }

  close(): void {
    this.finish(null);
  }

  /** Pushes output as if the process had printed it (held back while paused). */
  emit(data: Uint8Array | string): void {
    if (this.closed) return;
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    if (this.paused) this.held.push(bytes);
    else this.deliver(bytes);
  }

  /** Ends the process with the given exit code. */
  finish(exitCode: number | null): void {
    if (this.closed) return;
    this.closed = true;
    this.resolveExit({ exitCode });
  }

  private deliver(bytes: Uint8Array): void {
    for (const l of this.listeners) l(bytes);
  }
}
