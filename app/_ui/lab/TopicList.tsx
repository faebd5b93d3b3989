/** A lab's topic tags, each a link to the catalog filtered by that topic. */
import Link from "next/link";
import { catalogHref } from "../catalog/filters";

export function TopicList({ topics, label = "Topics" }: { topics: readonly string[]; label?: string }) {
  if (topics.length === 0) return null;
  return (
    <ul className="topics" aria-label={label}>
      {topics.map((topic) => (
        <li key={topic}>
          <Link className="topic" href={catalogHref({ topic })}>
            #{topic}
          </Link>
        </li>
      ))}
    </ul>
  );
}
