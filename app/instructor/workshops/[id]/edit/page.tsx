/** `/instructor/workshops/:id/edit` — change a workshop's settings (the same form as creating one). */
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getCatalog } from "../../../../_server/context";
import { WorkshopError } from "../../../../_server/workshops/errors";
import { withInstructorPage } from "../../../../_server/workshops/pages";
import { getWorkshop } from "../../../../_server/workshops/store";
import { WorkshopForm } from "../../../../_ui/workshops/WorkshopForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit workshop" };

export default async function EditWorkshopPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const w = await withInstructorPage(`/instructor/workshops/${id}/edit`, (prisma, instructor) => getWorkshop(prisma, instructor, id).catch((err: unknown) => (err instanceof WorkshopError ? null : Promise.reject(err))));
  if (!w) notFound();
  const labs = (await getCatalog()).labs.map((l) => ({ id: l.metadata.id, title: l.metadata.title }));
  const initial = { id: w.id, title: w.title, labIds: w.labIds, capacity: w.capacity, startsAt: w.startsAt.toISOString(), endsAt: w.endsAt.toISOString(), timeLimitMinutes: w.timeLimitMinutes, warmSharePercent: w.warmSharePercent, hasPassword: w.hasPassword };
  return (
    <div className="container">
      <h1>Edit “{w.title}”</h1>
      <p>
        <a href={`/instructor/workshops/${w.id}`}>Back to the dashboard</a>
      </p>
      <WorkshopForm labs={labs} initial={initial} />
    </div>
  );
}
