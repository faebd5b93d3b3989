/**
 * A minimal router: `METHOD /path/:param` patterns matched segment by segment. Enough for the runner's
 * dozen routes without a framework; unknown paths are 404 and known paths with the wrong method 405.
 * A final `*` segment matches the rest of the path (zero or more segments; the handler reads the raw
 * remainder from the URL, since decoding it would change what a proxied service receives).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError } from "./errors";

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  url: URL;
}

export type Handler = (ctx: RouteContext) => Promise<void>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, segments: pattern.split("/").filter(Boolean), handler });
    return this;
  }

  /** Finds the handler and path parameters; throws HttpError 404/405. */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } {
    const parts = pathname.split("/").filter(Boolean);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      pathMatched = true;
      if (route.method === method) return { handler: route.handler, params };
    }
    if (pathMatched) throw new HttpError(405, "method_not_allowed", `${method} is not allowed on ${pathname}`);
    throw new HttpError(404, "not_found", `no route for ${pathname}`);
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  const rest = pattern.at(-1) === "*";
  const fixed = rest ? pattern.length - 1 : pattern.length;
  if (rest ? parts.length < fixed : parts.length !== fixed) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < fixed; i++) {
    const p = pattern[i]!;
    let part: string;
    try {
      part = decodeURIComponent(parts[i]!);
    } catch {
      return null;
    }
    if (p.startsWith(":")) params[p.slice(1)] = part;
    else if (p !== part) return null;
  }
  return params;
}
