/**
 * Client-side Mermaid rendering. Mermaid (and its large dependency tree) is imported on demand, only on pages
 * that have a diagram. Each `[data-mermaid]` container keeps its source in a <pre>; the SVG goes into a sibling
 * element, so the diagram can be re-rendered when the theme changes and the source stays as the fallback.
 * A diagram shrinks to fit its column only down to a readable text size; past that it keeps its width and its
 * box scrolls sideways (and becomes focusable, so keyboard users can scroll it too).
 */
import type { Theme } from "../theme/theme-script";

/** Mermaid draws labels at 16 px (its default theme font size) in its own coordinates. */
const DIAGRAM_TEXT_PX = 16;
/** The smallest label size a diagram may be shrunk to before it scrolls instead. */
const MIN_TEXT_PX = 11;

let sequence = 0;

/** The narrowest a diagram drawn `viewBoxWidth` units wide may be shown while its labels stay readable. */
export function readableMinWidth(viewBoxWidth: number): number {
  return Math.ceil((viewBoxWidth * MIN_TEXT_PX) / DIAGRAM_TEXT_PX);
}

export async function renderDiagrams(root: ParentNode, theme: Theme): Promise<void> {
  const containers = [...root.querySelectorAll<HTMLElement>("[data-mermaid]")];
  if (containers.length === 0) return;
  const { default: mermaid } = await import("mermaid");
  mermaid.initialize({
    startOnLoad: false,
    securityLevel: "strict",
    theme: theme === "dark" ? "dark" : "neutral",
    // The dark theme's edge labels (#ccc on #585858) miss WCAG's 4.5:1; a darker label background meets it.
    ...(theme === "dark" ? { themeVariables: { edgeLabelBackground: "#404040" } } : {}),
    // Mermaid sizes boxes by measuring text in this font; "inherit" measures one font and draws another,
    // which clips labels, so pass the page's actual font stack.
    fontFamily: getComputedStyle(document.body).fontFamily,
    // Subgraph titles wrap at ~200px but Mermaid reserves one line for them, so a long title would overlap
    // the nodes below it; extra margin under the title leaves room for a second line.
    flowchart: { subGraphTitleMargin: { top: 6, bottom: 26 } },
  });
  for (const container of containers) {
    const source = container.querySelector(".mermaid-source")?.textContent ?? "";
    const target = svgTarget(container);
    try {
      // Mermaid measures text in a scratch element; by default it appends that to <body>, which can race
      // React's hydration of a streamed page (error #418). Measuring inside our own target avoids touching
      // any React-owned node.
      const { svg } = await mermaid.render(`praxis-mermaid-${++sequence}`, source, target);
      target.innerHTML = svg;
      keepReadable(target.querySelector("svg"), container);
      container.dataset.rendered = "true";
    } catch (error) {
      target.textContent = "This diagram could not be drawn; its source is shown below.";
      container.dataset.rendered = "error";
      console.warn("Mermaid could not render a diagram:", error);
    }
  }
}

function keepReadable(svg: SVGSVGElement | null, container: HTMLElement): void {
  const width = svg?.viewBox.baseVal?.width ?? 0;
  if (!svg || width <= 0) return;
  svg.style.minWidth = `${readableMinWidth(width)}px`;
  if (container.scrollWidth > container.clientWidth) container.tabIndex = 0;
  else container.removeAttribute("tabindex");
}

function svgTarget(container: HTMLElement): HTMLElement {
  const existing = container.querySelector<HTMLElement>(".mermaid-svg");
  if (existing) return existing;
  const target = document.createElement("div");
  target.className = "mermaid-svg";
  container.prepend(target);
  return target;
}
