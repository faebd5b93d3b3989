/** The "practise it" panel at the end of a guide: links to the labs it lists, or a note that none exist yet. */
import Link from "next/link";
import type { Lab } from "../../../labs/index";

export function GuideLabs({ labs }: { labs: readonly Lab[] }) {
  return (
    <section className="panel" aria-labelledby="guide-labs-title">
      <h2 id="guide-labs-title" className="panel-title">
        Practise it
      </h2>
      {labs.length === 0 ? (
        <p className="muted">No lab covers this topic yet.</p>
      ) : (
        <ul className="link-list">
          {labs.map((lab) => (
            <li key={lab.metadata.id}>
              <Link href={`/labs/${lab.metadata.id}`}>{lab.metadata.title}</Link>
              <span className="muted"> — {lab.metadata.summary}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
