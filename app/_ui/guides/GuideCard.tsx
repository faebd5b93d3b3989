/** A card in the guides index: topic, title (stretched link), summary and how many labs practise it. */
import Link from "next/link";
import { GUIDE_TOPIC_LABELS, type Guide } from "../../../labs/guides/index";
import { plural } from "../format";

export function GuideCard({ guide }: { guide: Guide }) {
  return (
    <article className="card guide-card" data-guide-slug={guide.slug}>
      <p className="eyebrow">{GUIDE_TOPIC_LABELS[guide.topic]}</p>
      <h2 className="card-title">
        <Link href={`/guides/${guide.slug}`} className="card-link">
          {guide.title}
        </Link>
      </h2>
      <p className="card-summary">{guide.summary}</p>
      {guide.labs.length > 0 && <p className="muted">{plural(guide.labs.length, "lab")} to practise</p>}
    </article>
  );
}
