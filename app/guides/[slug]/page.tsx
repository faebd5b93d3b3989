/**
 * `/guides/[slug]` — one concept guide with its diagrams, the labs that practise it, and links to the
 * neighbouring guides. 404 for an unknown slug.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GUIDE_TOPIC_LABELS } from "../../../labs/guides/index";
import { findGuide, labsForGuide } from "../../_server/catalog";
import { getCatalog } from "../../_server/context";
import { GuideLabs } from "../../_ui/guides/GuideLabs";
import { Markdown } from "../../_ui/markdown/Markdown";
import { MarkdownEnhancer } from "../../_ui/markdown/MarkdownEnhancer";

export const dynamic = "force-dynamic";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const guide = findGuide(await getCatalog(), (await params).slug);
  return guide ? { title: guide.title, description: guide.summary } : { title: "Guide not found" };
}

export default async function GuidePage({ params }: { params: Params }) {
  const catalog = await getCatalog();
  const guide = findGuide(catalog, (await params).slug);
  if (!guide) notFound();
  const index = catalog.guides.indexOf(guide);
  const previous = catalog.guides[index - 1];
  const next = catalog.guides[index + 1];

  return (
    <div className="container narrow">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/guides">Guides</Link>
          </li>
          <li aria-current="page">{guide.title}</li>
        </ol>
      </nav>
      <article className="guide">
        <header className="guide-header">
          <p className="eyebrow">{GUIDE_TOPIC_LABELS[guide.topic]}</p>
          <h1>{guide.title}</h1>
          <p className="lead">{guide.summary}</p>
        </header>
        <Markdown source={guide.markdown} minHeadingLevel={2} omitLeadingTitle={guide.title} />
      </article>
      <GuideLabs labs={labsForGuide(catalog, guide)} />
      {(previous || next) && (
        <nav className="pager" aria-label="More guides">
          {previous && (
            <Link className="pager-link" href={`/guides/${previous.slug}`} rel="prev">
              <span className="muted">Previous</span> {previous.title}
            </Link>
          )}
          {next && (
            <Link className="pager-link pager-next" href={`/guides/${next.slug}`} rel="next">
              <span className="muted">Next</span> {next.title}
            </Link>
          )}
        </nav>
      )}
      <MarkdownEnhancer />
    </div>
  );
}
