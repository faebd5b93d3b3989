/**
 * `/labs/[id]/play` — the lab player. Renders every page of the lab (intro, steps, hints, solutions, finish)
 * to sanitised HTML here on the server, through the same Markdown pipeline as the overview, and hands them to
 * the client player with the hosts and the web services they declare. 404 for an id no valid lab has.
 */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { renderMarkdown } from "../../../../labs/markdown/index";
import { findLab } from "../../../_server/catalog";
import { getCatalog } from "../../../_server/context";
import { Player } from "../../../_ui/player/Player";
import type { PlayerLab } from "../../../_ui/player/player-lab";
import type { Lab } from "../../../../labs/index";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const lab = findLab(await getCatalog(), (await params).id);
  return lab ? { title: `${lab.metadata.title} (lab)`, description: lab.metadata.summary } : { title: "Lab not found" };
}

function toPlayerLab(lab: Lab): PlayerLab {
  const html = (markdown: string, idPrefix: string, omitLeadingTitle?: string) => renderMarkdown(markdown, { minHeadingLevel: 3, idPrefix, omitLeadingTitle }).html;
  return {
    id: lab.metadata.id,
    title: lab.metadata.title,
    estimatedMinutes: lab.metadata.estimatedMinutes,
    introHtml: lab.intro ? html(lab.intro.markdown, "intro-") : null,
    finishHtml: lab.finish ? html(lab.finish.markdown, "finish-") : null,
    steps: lab.steps.map((step) => ({
      id: step.id,
      title: step.title,
      html: html(step.instructions.markdown, `${step.id}-`, step.title),
      hintsHtml: step.hints.map((hint, i) => html(hint, `${step.id}-hint-${i + 1}-`)),
      solutionHtml: step.solution ? html(step.solution.markdown, `${step.id}-solution-`) : null,
      checkCount: step.checks.length,
      hasSolve: step.solve !== undefined,
    })),
    hosts: lab.environment.hosts.map((h) => ({ name: h.name, terminal: h.terminal, editorPaths: h.editorPaths })),
    services: lab.environment.hosts.flatMap((h) => h.ports.map((p) => ({ host: h.name, port: p.port, name: p.name, path: p.path }))),
  };
}

export default async function PlayPage({ params }: { params: Params }) {
  const lab = findLab(await getCatalog(), (await params).id);
  if (!lab) notFound();
  return <Player lab={toPlayerLab(lab)} />;
}
