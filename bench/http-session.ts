/**
 * A tiny cookie-keeping HTTP client for benchmarks that act as browsers against the product: each
 * instance is one browser (its own cookie jar), sends the Origin header the site's CSRF checks expect,
 * and adds the instructor CSRF header from the `praxis_csrf` cookie to mutating requests.
 */
export class BrowserLike {
  private readonly jar = new Map<string, string>();

  constructor(private readonly base: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
    const csrf = this.jar.get("praxis_csrf");
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        origin: this.base,
        cookie: [...this.jar].map(([k, v]) => `${k}=${v}`).join("; "),
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(method !== "GET" && csrf ? { "x-praxis-csrf": decodeURIComponent(csrf) } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const eq = pair!.indexOf("=");
      this.jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    const text = await res.text();
    return { status: res.status, json: (text ? JSON.parse(text) : null) as T };
  }

  /** Like request, but a non-2xx answer is an error naming the route and the server's message. */
  async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, json } = await this.request<T & { error?: { message?: string } }>(method, path, body);
    if (status < 200 || status > 299) throw new Error(`${method} ${path} answered ${status}: ${json?.error?.message ?? JSON.stringify(json)}`);
    return json;
  }
}
