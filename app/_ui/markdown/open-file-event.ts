/**
 * The browser-side contract between `editor:` links in rendered Markdown and whoever owns an editor (the lab
 * player). A click dispatches a cancelable `praxis:open-file` event on window; the player handles it and calls
 * preventDefault(). If nobody does (no lab running), the page says where the file is instead.
 */
export const OPEN_FILE_EVENT = "praxis:open-file";

export interface OpenFileRequest {
  path: string;
  host?: string;
  line?: number;
}

/** Returns true when an editor took the request. */
export function requestOpenFile(request: OpenFileRequest): boolean {
  const event = new CustomEvent<OpenFileRequest>(OPEN_FILE_EVENT, { detail: request, cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

/** Reads the request off a rendered open-file button (see labs/markdown/open-file-links.ts). */
export function openFileRequestOf(button: HTMLElement): OpenFileRequest | null {
  const path = button.dataset.openFile;
  if (!path) return null;
  const line = Number(button.dataset.line);
  return { path, ...(button.dataset.host ? { host: button.dataset.host } : {}), ...(Number.isInteger(line) && line > 0 ? { line } : {}) };
}
