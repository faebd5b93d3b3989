"use client";
/**
 * Dark-mode toggle: a toggle button (aria-pressed) that stores the choice in localStorage and announces it to
 * other components (Mermaid diagrams re-render in the new theme). Until it mounts it cannot know the effective
 * theme, so it renders unpressed and corrects itself after hydration rather than risk a mismatch.
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
    <button type="button" className="theme-toggle" aria-pressed={theme === "dark"} onClick={toggle}>
      <span className="theme-toggle-icon" aria-hidden="true">
        {theme === "dark" ? "☾" : "☀"}
      </span>
      <span className="theme-toggle-label">Dark mode</span>
    </button>
  );
}
