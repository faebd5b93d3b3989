/** Links from a lab to the concept guides that explain its topics. */
import Link from "next/link";
import type { Guide } from "../../../labs/guides/index";

export function RelatedGuides({ guides }: { guides: readonly Guide[] }) {
  if (guides.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="related-guides-title">
      <h2 id="related-guides-title" className="panel-title">
        Background reading
      </h2>
      <ul className="link-list">
        {guides.map((guide) => (
          <li key={guide.slug}>
            <Link href={`/guides/${guide.slug}`}>{guide.title}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
