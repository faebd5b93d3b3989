/**
 * Client-side Mermaid rendering. Mermaid (and its large dependency tree) is imported on demand, only on pages
 * that have a diagram. Each `[data-mermaid]` container keeps its source in a <pre>; the SVG goes into a sibling
 * element, so the diagram can be re-rendered when the theme changes and the source stays as the fallback.
 */
import type { Theme } from "../theme/theme-script";

let sequence = 0;

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
      container.dataset.rendered = "true";
    } catch (error) {
      target.textContent = "This diagram could not be drawn; its source is shown below.";
      container.dataset.rendered = "error";
      console.warn("Mermaid could not render a diagram:", error);
    }
  }
}

function svgTarget(container: HTMLElement): HTMLElement {
  const existing = container.querySelector<HTMLElement>(".mermaid-svg");
  if (existing) return existing;
  const target = document.createElement("div");
  target.className = "mermaid-svg";
  container.prepend(target);
  return target;
}
