/**
 * One lab step as it appears on the overview page: its number and title, the instructions, each hint collapsed in
 * its own <details> (so reading ahead is a deliberate act), and the solution collapsed last. Heading ids are
 * prefixed with the step id so two steps with a "Verify" section do not collide.
 */
import type { Step } from "../../../labs/index";
import { Markdown } from "../markdown/Markdown";

export function StepSection({ step, index }: { step: Step; index: number }) {
  const titleId = `step-${step.id}`;
  return (
    <section className="step" aria-labelledby={titleId}>
      <h2 id={titleId} className="step-title">
        <span className="step-number" aria-hidden="true">
          {index + 1}
        </span>
        <span className="sr-only">Step {index + 1}: </span>
        {step.title}
      </h2>
      <Markdown
        source={step.instructions.markdown}
        minHeadingLevel={3}
        idPrefix={`${step.id}-`}
        omitLeadingTitle={step.title}
      />
      {step.hints.length > 0 && (
        <div className="hints">
          {step.hints.map((hint, i) => (
            <details key={i} className="disclosure hint">
              <summary>
                Hint {i + 1}
                {step.hints.length > 1 && <span className="muted"> of {step.hints.length}</span>}
              </summary>
              <Markdown source={hint} minHeadingLevel={4} idPrefix={`${step.id}-hint-${i + 1}-`} />
            </details>
          ))}
        </div>
      )}
      {step.solution && (
        <details className="disclosure solution">
          <summary>Show the solution</summary>
          <Markdown source={step.solution.markdown} minHeadingLevel={4} idPrefix={`${step.id}-solution-`} />
        </details>
      )}
    </section>
  );
}
