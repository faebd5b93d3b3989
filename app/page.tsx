/**
 * `/` — the lab catalog: every valid lab as a card, filterable by topic and difficulty through URL parameters,
 * with a notice listing content that failed validation.
 */
import { DiagnosticsNotice } from "./_ui/diagnostics/DiagnosticsNotice";
import { FilterBar } from "./_ui/catalog/FilterBar";
import { LabCard } from "./_ui/catalog/LabCard";
import { catalogHref, filterLabs, parseFilters, topicsOf } from "./_ui/catalog/filters";
import { plural } from "./_ui/format";
import { getCatalog } from "./_server/context";
import Link from "next/link";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function CatalogPage({ searchParams }: { searchParams: SearchParams }) {
  const catalog = await getCatalog();
  const topics = topicsOf(catalog.labs);
  const filters = parseFilters(await searchParams, topics);
  const labs = filterLabs(catalog.labs, filters);
  const filtered = filters.topic !== undefined || filters.difficulty !== undefined;

  return (
    <div className="container">
      <header className="page-intro">
        <h1>Hands-on cloud-native labs</h1>
        <p className="lead">
          Real Linux machines and Kubernetes clusters in your browser. Pick a lab, follow the steps, and check your
          work as you go.
        </p>
      </header>
      <DiagnosticsNotice diagnostics={catalog.diagnostics} />
      {catalog.labs.length > 0 && <FilterBar topics={topics} filters={filters} />}
      <p className="result-count" role="status">
        {filtered
          ? `Showing ${plural(labs.length, "lab")} of ${catalog.labs.length}`
          : plural(catalog.labs.length, "lab")}
      </p>
      {labs.length > 0 ? (
        <ul className="card-grid" aria-label="Labs">
          {labs.map((lab) => (
            <li key={lab.metadata.id}>
              <LabCard lab={lab} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="empty-state">
          <p>{catalog.labs.length === 0 ? "No labs are installed yet." : "No lab matches these filters."}</p>
          {filtered && <Link href={catalogHref({})}>Show all labs</Link>}
        </div>
      )}
    </div>
  );
}
