/**
 * `/instructor/workshops` — the signed-in instructor's workshops (an admin sees everyone's): when, which
 * labs, seats taken, the join code, and links to the dashboard and the edit form.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { getCatalog } from "../../_server/context";
import { withInstructorPage } from "../../_server/workshops/pages";
import { phaseOf } from "../../_server/workshops/plan";
import { listWorkshops } from "../../_server/workshops/store";
import { formatSpan } from "../../_ui/workshops/when";
import "../../_ui/workshops/workshops.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workshops" };

export default async function WorkshopsPage() {
  const workshops = await withInstructorPage("/instructor/workshops", (prisma, instructor) => listWorkshops(prisma, instructor));
  const titles = new Map((await getCatalog()).labs.map((l) => [l.metadata.id, l.metadata.title]));
  const now = new Date();
  return (
    <div className="container">
      <header className="page-intro">
        <h1>Workshops</h1>
        <p>
          <Link className="button button-primary" href="/instructor/workshops/new">
            New workshop
          </Link>
        </p>
      </header>
      {workshops.length === 0 ? (
        <p className="empty-state">No workshops yet.</p>
      ) : (
        <table className="workshop-list">
          <thead>
            <tr>
              <th scope="col">Workshop</th>
              <th scope="col">When</th>
              <th scope="col">Labs</th>
              <th scope="col">Seats</th>
              <th scope="col">Code</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {workshops.map((w) => (
              <tr key={w.id}>
                <td>
                  <Link href={`/instructor/workshops/${w.id}`}>{w.title}</Link> · <Link href={`/instructor/workshops/${w.id}/edit`}>edit</Link>
                </td>
                <td>
                  {formatSpan(w.startsAt, w.endsAt)}
                </td>
                <td>{w.labIds.map((id) => titles.get(id) ?? id).join(", ")}</td>
                <td>
                  {w.learners} / {w.capacity}
                </td>
                <td>
                  <code>{w.joinCode}</code>
                </td>
                <td>{phaseOf(w, now)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
