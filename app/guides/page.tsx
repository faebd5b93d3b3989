/** `/guides` — the concept guides, in their authored order. */
import type { Metadata } from "next";
import { getCatalog } from "../_server/context";
import { GuideCard } from "../_ui/guides/GuideCard";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Guides" };

export default async function GuidesPage() {
  const { guides } = await getCatalog();
  return (
    <div className="container">
      <header className="page-intro">
        <h1>Concept guides</h1>
        <p className="lead">Short, current explanations of the ideas behind the labs. Read one, then practise it.</p>
      </header>
      {guides.length > 0 ? (
        <ul className="card-grid" aria-label="Guides">
          {guides.map((guide) => (
            <li key={guide.slug}>
              <GuideCard guide={guide} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty-state">No guides are installed yet.</p>
      )}
    </div>
  );
}
