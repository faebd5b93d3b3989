"use client";
/** Seconds since a moment, ticking once a second (for "Preparing your environment… 12 s"). */
import { useEffect, useState } from "react";

export function Elapsed({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span className="elapsed">{Math.max(0, Math.floor((now - since) / 1000))} s</span>;
}
