/** `/join/:code` — the join link: display name (and password), then the workshop's labs (see JoinFlow). */
import type { Metadata } from "next";
import { getCatalog } from "../../_server/context";
import { JoinFlow } from "../../_ui/workshops/JoinFlow";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Join a workshop" };

export default async function JoinCodePage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const labTitles = Object.fromEntries((await getCatalog()).labs.map((l) => [l.metadata.id, l.metadata.title]));
  return <JoinFlow code={code} labTitles={labTitles} />;
}
