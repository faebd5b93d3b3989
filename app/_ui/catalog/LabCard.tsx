/**
 * One catalog card. The title link is stretched over the whole card (CSS) so the card is one big target while
 * the accessible name stays the lab title; topic tags keep their own links above it.
 */
import Link from "next/link";
import type { Lab } from "../../../labs/index";
import { LabBadges } from "../lab/LabBadges";
import { TopicList } from "../lab/TopicList";

export function LabCard({ lab }: { lab: Lab }) {
  const { id, title, summary, topics } = lab.metadata;
  return (
    <article className="card lab-card" data-lab-id={id}>
      <h2 className="card-title">
        <Link href={`/labs/${id}`} className="card-link">
          {title}
        </Link>
      </h2>
      <p className="card-summary">{summary}</p>
      <LabBadges lab={lab} />
      <TopicList topics={topics} label={`Topics of ${title}`} />
    </article>
  );
}
