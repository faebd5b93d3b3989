/**
 * The predicate the fake cluster applies for a list query: labels and fields, parsed exactly like the
 * validator parses them. A malformed selector fails like the API server's 400.
 */
import { queryText } from "./describe";
import { readErrors, type KubeObject, type ListQuery } from "./reader";
import { fieldsMatch, labelsMatch, parseFieldSelector, parseLabelSelector, SelectorError } from "./selector";

export function queryPredicate(query: ListQuery): (object: KubeObject) => boolean {
  try {
    const labels = query.labelSelector ? parseLabelSelector(query.labelSelector) : [];
    const fields = query.fieldSelector ? parseFieldSelector(query.fieldSelector) : [];
    return (object) => {
      const metadata = (object.metadata ?? {}) as { labels?: Record<string, string> };
      return labelsMatch(labels, metadata.labels ?? {}) && fieldsMatch(fields, object);
    };
  } catch (error) {
    if (error instanceof SelectorError) throw readErrors.invalid(queryText(query), `invalid selector: ${error.message}`);
    throw error;
  }
}
