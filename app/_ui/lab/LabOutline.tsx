/**
 * In-page table of contents for a lab (intro, each step, finish), sticky beside the content on wide screens.
 */
import type { Lab } from "../../../labs/index";

export function LabOutline({ lab }: { lab: Lab }) {
  return (
    <nav className="outline" aria-label="Lab outline">
      <p className="outline-title">On this page</p>
      <ol>
        {lab.intro && (
          <li>
            <a href="#introduction">Introduction</a>
          </li>
        )}
        {lab.steps.map((step, i) => (
          <li key={step.id}>
            <a href={`#step-${step.id}`}>
              {i + 1}. {step.title}
            </a>
          </li>
        ))}
        {lab.finish && (
          <li>
            <a href="#finish">Wrap-up</a>
          </li>
        )}
      </ol>
    </nav>
  );
}
