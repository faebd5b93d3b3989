/** `/instructor/workshops/:id` — the live dashboard of one workshop (see app/_ui/workshops/Dashboard.tsx). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { WorkshopError } from "../../../_server/workshops/errors";
import { joinLink, withInstructorPage } from "../../../_server/workshops/pages";
import { getWorkshop } from "../../../_server/workshops/store";
import { Dashboard } from "../../../_ui/workshops/Dashboard";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workshop dashboard" };

export default async function WorkshopDashboardPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const w = await withInstructorPage(`/instructor/workshops/${id}`, (prisma, instructor) => getWorkshop(prisma, instructor, id).catch((err: unknown) => (err instanceof WorkshopError ? null : Promise.reject(err))));
  if (!w) notFound();
  const join = await joinLink(w.joinCode);
  return (
    <div className="container">
      <Dashboard workshopId={w.id} joinUrl={join.url} joinUrlConfigured={join.configured} />
    </div>
  );
}
