/**
 * Byte-count flow control for one terminal socket, after xterm.js's flow-control guide: the server counts
 * OUTPUT bytes the client has not yet acknowledged (the client ACKs after xterm.js has rendered them) and
 * pauses the shell's output stream above a high-water mark, resuming below a low-water mark. The gap
 * between the marks stops the stream from flapping. This bounds the runner's memory and the socket's
 * buffer whatever a `yes` flood produces, and keeps the client responsive because it never has more
 * than ~2 MiB queued to render. Pure: the caller turns the returned decisions into pause()/resume().
 */

export interface FlowControlLimits {
  /** Pause the source when this many bytes are unacknowledged. */
  highWaterBytes: number;
  /** Resume once unacknowledged bytes fall to or below this. */
  lowWaterBytes: number;
}

export const DEFAULT_FLOW_LIMITS: FlowControlLimits = { highWaterBytes: 2 * 1024 * 1024, lowWaterBytes: 512 * 1024 };

/** What the caller must do to the source after a change: nothing, pause it, or resume it. */
export type FlowDecision = "none" | "pause" | "resume";

export class FlowControl {
  private unacked = 0;
  private paused = false;

  constructor(private readonly limits: FlowControlLimits = DEFAULT_FLOW_LIMITS) {
    if (!(limits.lowWaterBytes >= 0 && limits.lowWaterBytes < limits.highWaterBytes)) {
      throw new RangeError(
        `flow control needs 0 <= lowWaterBytes < highWaterBytes, got ${limits.lowWaterBytes} and ${limits.highWaterBytes}`,
      );
    }
  }

  /** Records bytes sent to the client. */
  sent(bytes: number): FlowDecision {
    this.unacked += bytes;
    if (!this.paused && this.unacked >= this.limits.highWaterBytes) {
      this.paused = true;
      return "pause";
    }
    return "none";
  }

  /**
   * Records bytes the client says it has consumed. ACKs are incremental; a client acknowledging more than
   * was sent is clamped rather than trusted, so it cannot buy itself an unbounded window.
   */
  acked(bytes: number): FlowDecision {
    this.unacked = Math.max(0, this.unacked - bytes);
    if (this.paused && this.unacked <= this.limits.lowWaterBytes) {
      this.paused = false;
      return "resume";
    }
    return "none";
  }

  get unacknowledgedBytes(): number {
    return this.unacked;
  }

  get isPaused(): boolean {
    return this.paused;
  }
}
