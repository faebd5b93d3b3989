/**
 * Composition root of the web process for read-only pages: the only place that reads process.env. React's
 * cache() scopes the result to one request, so a page and its generateMetadata share one load, while a change
 * to the labs on disk (or to PRAXIS_LABS_DIRS between restarts) shows up on the next request without a rebuild.
 */
import { cache } from "react";
import { loadSiteCatalog, type SiteCatalog } from "./catalog";
import { parseSiteConfig } from "./config";

export const getCatalog = cache(
  (): Promise<SiteCatalog> => loadSiteCatalog(parseSiteConfig(process.env, process.cwd())),
);
