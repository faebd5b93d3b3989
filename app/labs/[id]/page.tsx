/**
 * `/labs/[id]` — a lab's overview: summary, facts, prerequisites, environment, related guides, then the intro,
 * every step (hints and solution collapsed) and the wrap-up, with Start (or Continue) leading to the player at
 * /labs/[id]/play. 404 for an id no valid lab has.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { findLab, guidesForLab } from "../../_server/catalog";
import { getCatalog } from "../../_server/context";
import { EnvironmentOverview } from "../../_ui/lab/EnvironmentOverview";
import { LabBadges } from "../../_ui/lab/LabBadges";
import { LabOutline } from "../../_ui/lab/LabOutline";
import { Prerequisites } from "../../_ui/lab/Prerequisites";
import { RelatedGuides } from "../../_ui/lab/RelatedGuides";
import { StepSection } from "../../_ui/lab/StepSection";
import { TopicList } from "../../_ui/lab/TopicList";
import { LabLauncher } from "../../_ui/player/LabLauncher";
import { Markdown } from "../../_ui/markdown/Markdown";
import { MarkdownEnhancer } from "../../_ui/markdown/MarkdownEnhancer";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const lab = findLab(await getCatalog(), (await params).id);
  return lab ? { title: lab.metadata.title, description: lab.metadata.summary } : { title: "Lab not found" };
}

export default async function LabPage({ params }: { params: Params }) {
  const catalog = await getCatalog();
  const lab = findLab(catalog, (await params).id);
  if (!lab) notFound();
  const { title, summary, topics, prerequisites } = lab.metadata;

  return (
    <div className="container">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link href="/">Labs</Link>
          </li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <header className="lab-header">
        <h1>{title}</h1>
        <p className="lead">{summary}</p>
        <LabBadges lab={lab} showSteps />
        <TopicList topics={topics} />
        <LabLauncher labId={lab.metadata.id} />
      </header>
      <div className="lab-layout">
        <div className="lab-content">
          <div className="lab-panels">
            <Prerequisites items={prerequisites} />
            <EnvironmentOverview environment={lab.environment} />
            <RelatedGuides guides={guidesForLab(catalog, lab)} />
          </div>
          {lab.intro && (
            <section className="lab-section" aria-labelledby="introduction">
              <h2 id="introduction">Introduction</h2>
              <Markdown source={lab.intro.markdown} minHeadingLevel={3} idPrefix="intro-" />
            </section>
          )}
          <ol className="steps" aria-label="Steps">
            {lab.steps.map((step, index) => (
              <li key={step.id}>
                <StepSection step={step} index={index} />
              </li>
            ))}
          </ol>
          {lab.finish && (
            <section className="lab-section" aria-labelledby="finish">
              <h2 id="finish">Wrap-up</h2>
              <Markdown source={lab.finish.markdown} minHeadingLevel={3} idPrefix="finish-" />
            </section>
          )}
        </div>
        <div className="lab-aside">
          <LabOutline lab={lab} />
        </div>
      </div>
      <MarkdownEnhancer />
    </div>
  );
}
