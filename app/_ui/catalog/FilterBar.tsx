/**
 * Catalog filters as plain links ("pills"): each one is a real URL, so filtering works without JavaScript, can be
 * bookmarked and shared, and the current choice is exposed with aria-current.
 */
import Link from "next/link";
import { difficultyLabel } from "../format";
import { catalogHref, DIFFICULTIES, type CatalogFilters } from "./filters";

export function FilterBar({ topics, filters }: { topics: readonly string[]; filters: CatalogFilters }) {
  return (
    <nav className="filters" aria-label="Filter labs">
      <FilterGroup
        label="Topic"
        options={topics.map((topic) => ({ label: topic, href: catalogHref({ ...filters, topic }), active: filters.topic === topic }))}
        allHref={catalogHref({ ...filters, topic: undefined })}
        allActive={!filters.topic}
      />
      <FilterGroup
        label="Difficulty"
        options={DIFFICULTIES.map((difficulty) => ({
          label: difficultyLabel(difficulty),
          href: catalogHref({ ...filters, difficulty }),
          active: filters.difficulty === difficulty,
        }))}
        allHref={catalogHref({ ...filters, difficulty: undefined })}
        allActive={!filters.difficulty}
      />
    </nav>
  );
}

interface Option {
  label: string;
  href: string;
  active: boolean;
}

function FilterGroup(props: { label: string; options: Option[]; allHref: string; allActive: boolean }) {
  const id = `filter-${props.label.toLowerCase()}`;
  return (
    <div className="filter-group">
      <span className="filter-label" id={id}>
        {props.label}
      </span>
      <ul className="pills" aria-labelledby={id}>
        {[{ label: "All", href: props.allHref, active: props.allActive }, ...props.options].map((option) => (
          <li key={option.label}>
            <Link className="pill" href={option.href} aria-current={option.active ? "true" : undefined} scroll={false}>
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
