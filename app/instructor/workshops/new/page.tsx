/** `/instructor/workshops/new` — the form for a new workshop (labs from the catalog, seats the server can hold). */
import type { Metadata } from "next";
import { getCatalog } from "../../../_server/context";
import { newWorkshopRoom, withInstructorPage } from "../../../_server/workshops/pages";
import { WorkshopForm } from "../../../_ui/workshops/WorkshopForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New workshop" };

export default async function NewWorkshopPage() {
  await withInstructorPage("/instructor/workshops/new", async () => null);
  const labs = (await getCatalog()).labs.map((l) => ({ id: l.metadata.id, title: l.metadata.title }));
  const room = await newWorkshopRoom(labs.map((l) => l.id));
  return (
    <div className="container">
      <h1>New workshop</h1>
      <WorkshopForm labs={labs} room={room} />
    </div>
  );
}
