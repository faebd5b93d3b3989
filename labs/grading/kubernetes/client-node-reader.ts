/**
 * The real ClusterReader: reads objects through the API server with @kubernetes/client-node's generic
 * KubernetesObjectApi (it resolves kind -> resource via discovery, so CRDs work too). Responses are kept as
 * plain JSON rather than the library's typed models, which would drop fields they do not know and turn
 * timestamps into Dates — a check must see exactly what `kubectl get -o json` shows. Each request carries an
 * abort signal (its own deadline, plus the caller's), and every failure except "not found" becomes a
 * ClusterReadError naming the object (see client-node-errors.ts).
 */
import { KubeConfig, KubernetesObjectApi, Observable, type KubernetesObject, type RequestContext, type ResponseContext, type V1APIResourceList } from "@kubernetes/client-node";
import { HttpStatusError, toReadError } from "./client-node-errors";
import { queryText, refText } from "./describe";
import { ClusterReadError, type ClusterReader, type KubeObject, type ListQuery, type ObjectRef, type ReadOptions } from "./reader";

export const DEFAULT_READER_TIMEOUT_MS = 10_000;

export interface ClientNodeReaderOptions {
  /** Deadline of each HTTP request, on top of any signal the caller passes (default 10s). */
  requestTimeoutMs?: number;
}

/** Throws ClusterReadError("bad-kubeconfig") when the kubeconfig cannot be read or has no current cluster. */
export function clientNodeReader(kubeconfigYaml: string, options: ClientNodeReaderOptions = {}): ClusterReader {
  const kubeConfig = new KubeConfig();
  try {
    kubeConfig.loadFromString(kubeconfigYaml);
  } catch (error) {
    throw new ClusterReadError("bad-kubeconfig", `the kubeconfig cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) throw new ClusterReadError("bad-kubeconfig", "the kubeconfig has no current cluster (check current-context)");
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_READER_TIMEOUT_MS;
  const shared = new SharedDiscovery();

  /** Runs one request on a client bound to a fresh signal, mapping failures to ClusterReadErrors. */
  async function request<T>(target: string, signal: AbortSignal | undefined, run: (api: RawObjectApi) => Promise<T>, notFound: () => T): Promise<T> {
    const deadline = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([deadline, signal]) : deadline;
    if (signal?.aborted) throw new ClusterReadError("cancelled", `${target}: the request was cancelled`);
    try {
      return await run(RawObjectApi.create(kubeConfig, shared, combined));
    } catch (error) {
      const mapped = toReadError(error, { target, server: server!, timeoutMs, timedOut: deadline.aborted, cancelled: signal?.aborted ?? false });
      if (mapped === "not-found") return notFound();
      throw mapped;
    }
  }

  return {
    get(ref: ObjectRef, opts?: ReadOptions) {
      const spec = { apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name, ...(ref.namespace && { namespace: ref.namespace }) } };
      return request(refText(ref), opts?.signal, async (api) => (await api.read(spec)) as unknown as KubeObject, () => null);
    },
    list(query: ListQuery, opts?: ReadOptions) {
      return request(
        queryText(query),
        opts?.signal,
        async (api) => {
          const result = await api.list(query.apiVersion, query.kind, query.namespace, undefined, undefined, undefined, query.fieldSelector, query.labelSelector);
          // List items come without apiVersion and kind; put them back so every object looks the same.
          return (result.items as KubernetesObject[]).map((item) => ({ apiVersion: query.apiVersion, kind: query.kind, ...item }) as KubeObject);
        },
        () => [],
      );
    },
  };
}

/** Discovery results (kind -> resource name, namespaced or not) shared by the per-request clients. */
class SharedDiscovery {
  cache: Record<string, V1APIResourceList> = {};
  defaultNamespace?: string;
}

class RawObjectApi extends KubernetesObjectApi {
  static create(kubeConfig: KubeConfig, shared: SharedDiscovery, signal: AbortSignal): RawObjectApi {
    const api = kubeConfig.makeApiClient(RawObjectApi);
    shared.defaultNamespace ??= api.setDefaultNamespace(kubeConfig);
    api.defaultNamespace = shared.defaultNamespace;
    api.apiVersionResourceCache = shared.cache;
    api.configuration.middleware.push({
      pre: (context: RequestContext) => {
        context.setSignal(signal);
        return new Observable(Promise.resolve(context));
      },
      post: (response: ResponseContext) => new Observable(Promise.resolve(response)),
    });
    return api;
  }

  protected override async processResponse<T>(response: ResponseContext): Promise<T> {
    const text = await response.body.text();
    if (response.httpStatusCode >= 200 && response.httpStatusCode <= 299) return JSON.parse(text) as T;
    throw new HttpStatusError(response.httpStatusCode, text);
  }
}
