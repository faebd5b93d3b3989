"use client";
/**
 * The draggable divider between instructions and workspace: a share of the width (30–70 %), changed by
 * dragging or, for keyboard users, by the arrow keys on the focused separator; remembered in the browser.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from "react";

const KEY = "praxis-player-split";
const MIN = 30;
const MAX = 70;
const clamp = (n: number) => Math.min(MAX, Math.max(MIN, Math.round(n)));

export function useSplit(initial = 42) {
  const [share, setShare] = useState(initial);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const stored = Number(window.localStorage.getItem(KEY));
    if (stored >= MIN && stored <= MAX) setShare(stored);
  }, []);
  useEffect(() => window.localStorage.setItem(KEY, String(share)), [share]);

  const separator = {
    role: "separator",
    tabIndex: 0,
    "aria-orientation": "vertical" as const,
    "aria-label": "Resize the instructions",
    "aria-valuemin": MIN,
    "aria-valuemax": MAX,
    "aria-valuenow": share,
    onKeyDown(event: KeyboardEvent) {
      const step = { ArrowLeft: -2, ArrowRight: 2, Home: MIN - share, End: MAX - share }[event.key];
      if (step === undefined) return;
      event.preventDefault();
      setShare((s) => clamp(s + step));
    },
    onPointerDown(event: PointerEvent<HTMLElement>) {
      const box = container.current?.getBoundingClientRect();
      if (!box) return;
      const target = event.currentTarget;
      target.setPointerCapture(event.pointerId);
      const move = (e: globalThis.PointerEvent) => setShare(clamp(((e.clientX - box.left) / box.width) * 100));
      const up = () => {
        target.removeEventListener("pointermove", move);
        target.removeEventListener("pointerup", up);
      };
      target.addEventListener("pointermove", move);
      target.addEventListener("pointerup", up);
    },
  };
  return { share, container, separator };
}
