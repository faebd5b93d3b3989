"use client";
/**
 * Server-rendered, sanitised Markdown HTML in a client component. React 19 rewrites innerHTML whenever the
 * `dangerouslySetInnerHTML` object is a new one, even with the same string; the player re-renders on every
 * progress push, which would wipe drawn diagrams and copy-button feedback each time. Memoising on the string
 * keeps the DOM untouched until the content really changes.
 */
import { memo, useMemo } from "react";

export const RenderedHtml = memo(function RenderedHtml({ html, className = "prose" }: { html: string; className?: string }) {
  const inner = useMemo(() => ({ __html: html }), [html]);
  return <div className={className} dangerouslySetInnerHTML={inner} />;
});
