"use client";
/**
 * Dark-mode switch: a button with role="switch" whose name ("Dark mode") stays put while aria-checked says
 * whether it is on, drawn as a track with a thumb so sighted readers see the state too. It stores the choice in
 * localStorage and announces it to other components (Mermaid diagrams re-render in the new theme). Until it
 * mounts it cannot know the effective theme, so it renders unchecked and corrects itself after hydration; the
 * thumb's position follows the page's theme in CSS (shell.css), so it is right from the first paint anyway.
 */
import { useEffect, useState } from "react";
import { applyStoredTheme, effectiveTheme, THEME_CHANGE_EVENT, THEME_STORAGE_KEY, type Theme } from "./theme-script";

export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null);

  useEffect(() => {
    // If hydration failed and React rebuilt the document on the client, <html> lost what the boot script set.
    applyStoredTheme();
    setTheme(effectiveTheme());
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    const follow = () => setTheme(effectiveTheme());
    media.addEventListener("change", follow);
    return () => media.removeEventListener("change", follow);
  }, []);

  function toggle() {
    const next: Theme = effectiveTheme() === "dark" ? "light" : "dark";
    document.documentElement.dataset.theme = next;
    try {
      localStorage.setItem(THEME_STORAGE_KEY, next);
    } catch {
      // Private mode or disabled storage: the choice still applies to this page view.
    }
    setTheme(next);
    window.dispatchEvent(new CustomEvent(THEME_CHANGE_EVENT, { detail: next }));
  }

  return (
    <button type="button" role="switch" className="theme-toggle" aria-checked={theme === "dark"} onClick={toggle}>
      <span className="theme-toggle-label">Dark mode</span>
      <span className="theme-toggle-track" aria-hidden="true">
        <span className="theme-toggle-thumb" />
      </span>
    </button>
  );
}
