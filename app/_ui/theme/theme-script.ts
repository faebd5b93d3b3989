/**
 * The theme contract shared by the inline boot script and the toggle. The boot script runs in <head> before
 * first paint, so a stored choice is applied without a flash of the wrong theme; with no stored choice the CSS
 * follows prefers-color-scheme. It also marks <html class="js"> so CSS can hide controls that need scripting.
 */
export const THEME_STORAGE_KEY = "praxis-theme";
export const THEME_CHANGE_EVENT = "praxis:theme-change";

export type Theme = "light" | "dark";

export const THEME_BOOT_SCRIPT = `(function(){var d=document.documentElement;d.classList.add("js");try{var t=localStorage.getItem("${THEME_STORAGE_KEY}");if(t==="light"||t==="dark")d.dataset.theme=t;}catch(e){}})();`;

/** What the boot script does, for the client: mark scripting and apply the stored choice, if any. */
export function applyStoredTheme(): void {
  const root = document.documentElement;
  root.classList.add("js");
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    if (stored === "light" || stored === "dark") root.dataset.theme = stored;
  } catch {
    // Storage unavailable: the OS preference applies.
  }
}

/** The theme actually in effect: the stored choice, else the OS preference. Browser only. */
export function effectiveTheme(): Theme {
  const chosen = document.documentElement.dataset.theme;
  if (chosen === "light" || chosen === "dark") return chosen;
  return window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}
