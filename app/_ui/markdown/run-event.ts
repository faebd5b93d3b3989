/**
 * The browser-side contract between rendered run blocks and whoever owns a terminal (the lab player, in a later
 * issue). A click dispatches a cancelable `praxis:run` event on window; a player that handles it calls
 * preventDefault(). If nobody does (no lab started yet), the command is copied to the clipboard instead.
 */
import type { RunMode } from "../../../labs/markdown/index";

export const RUN_EVENT = "praxis:run";

export interface RunRequest {
  command: string;
  mode: RunMode;
}

/** Returns true when a terminal accepted the command. */
export function requestRun(request: RunRequest): boolean {
  const event = new CustomEvent<RunRequest>(RUN_EVENT, { detail: request, cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}
