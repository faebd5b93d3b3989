/**
 * An in-memory cluster for unit tests of kubernetes checks, with the real reader's observable behaviour:
 * namespaced kinds default to the "default" namespace, unknown kinds fail like a missing CRD, selectors are
 * parsed and applied as the API server does, list items carry apiVersion and kind, and returned objects are
 * copies. Tests can change the cluster between polls (beforeCall), inject a failure, or make it hang.
 */
import { queryPredicate } from "./fake-query";
import { readErrors, type ClusterReader, type ClusterReadError, type KubeObject, type ListQuery, type ObjectRef, type ReadOptions } from "./reader";
import { queryText, refText } from "./describe";

/** Kinds the API server serves without a namespace; every other kind the fake sees is namespaced. */
const CLUSTER_SCOPED = new Set([
  "Namespace",
  "Node",
  "PersistentVolume",
  "StorageClass",
  "ClusterRole",
  "ClusterRoleBinding",
  "CustomResourceDefinition",
  "IngressClass",
  "PriorityClass",
  "RuntimeClass",
  "APIService",
]);

export class FakeClusterReader implements ClusterReader {
  private readonly objects = new Map<string, KubeObject>();
  private readonly kinds = new Map<string, boolean>();
  /** Number of get/list calls so far. */
  calls = 0;
  /** Runs before every call (after counting it): change the cluster mid-poll, or throw to fail the call. */
  beforeCall?: (call: { method: "get" | "list"; number: number }) => void;
  /** When true, calls never answer unless their signal aborts, like an API server that accepts and stalls. */
  hang = false;
  /** When set, every call fails with this error. */
  failure?: ClusterReadError;

  constructor(objects: readonly KubeObject[] = []) {
    objects.forEach((o) => this.apply(o));
  }

  /** Makes a kind known without creating an object of it (like installing a CRD). */
  defineKind(apiVersion: string, kind: string, namespaced = !CLUSTER_SCOPED.has(kind)): void {
    this.kinds.set(`${apiVersion}|${kind}`, namespaced);
  }

  /** Creates or replaces an object (a deep copy); a namespaced object without a namespace goes to "default". */
  apply(object: KubeObject): void {
    const { apiVersion, kind } = object as { apiVersion?: unknown; kind?: unknown };
    const metadata = (object.metadata ?? {}) as { name?: unknown; namespace?: unknown };
    if (typeof apiVersion !== "string" || typeof kind !== "string" || typeof metadata.name !== "string") {
      throw new Error("FakeClusterReader.apply needs apiVersion, kind and metadata.name");
    }
    if (!this.kinds.has(`${apiVersion}|${kind}`)) this.defineKind(apiVersion, kind);
    const copy = structuredClone(object);
    const namespace = this.namespaceFor(apiVersion, kind, typeof metadata.namespace === "string" ? metadata.namespace : undefined);
    (copy.metadata as Record<string, unknown>).namespace = namespace;
    if (namespace === undefined) delete (copy.metadata as Record<string, unknown>).namespace;
    this.objects.set(key(apiVersion, kind, namespace, metadata.name), copy);
  }

  delete(ref: ObjectRef): void {
    this.objects.delete(key(ref.apiVersion, ref.kind, this.namespaceFor(ref.apiVersion, ref.kind, ref.namespace), ref.name));
  }

  async get(ref: ObjectRef, options?: ReadOptions): Promise<KubeObject | null> {
    await this.enter("get", refText(ref), options);
    if (!this.kinds.has(`${ref.apiVersion}|${ref.kind}`)) throw readErrors.unknownKind(refText(ref), ref.apiVersion, ref.kind);
    const found = this.objects.get(key(ref.apiVersion, ref.kind, this.namespaceFor(ref.apiVersion, ref.kind, ref.namespace), ref.name));
    return found ? structuredClone(found) : null;
  }

  async list(query: ListQuery, options?: ReadOptions): Promise<KubeObject[]> {
    const target = queryText(query);
    await this.enter("list", target, options);
    if (!this.kinds.has(`${query.apiVersion}|${query.kind}`)) throw readErrors.unknownKind(target, query.apiVersion, query.kind);
    const matches = queryPredicate(query);
    const namespaced = this.kinds.get(`${query.apiVersion}|${query.kind}`);
    return [...this.objects.values()]
      .filter((o) => o.apiVersion === query.apiVersion && o.kind === query.kind)
      .filter((o) => !namespaced || !query.namespace || (o.metadata as { namespace?: string }).namespace === query.namespace)
      .filter(matches)
      .map((o) => structuredClone(o));
  }

  private namespaceFor(apiVersion: string, kind: string, namespace: string | undefined): string | undefined {
    const namespaced = this.kinds.get(`${apiVersion}|${kind}`) ?? !CLUSTER_SCOPED.has(kind);
    return namespaced ? (namespace ?? "default") : undefined;
  }

  private async enter(method: "get" | "list", target: string, options: ReadOptions | undefined): Promise<void> {
    this.calls++;
    const signal = options?.signal;
    if (signal?.aborted) throw readErrors.cancelled(target);
    this.beforeCall?.({ method, number: this.calls });
    if (this.failure) throw this.failure;
    if (!this.hang) return;
    await new Promise<never>((_, reject) => {
      if (!signal) return; // no signal: hang for ever, which is what the grader's own deadline must survive
      signal.addEventListener("abort", () => reject(readErrors.cancelled(target)), { once: true });
    });
  }
}

const key = (apiVersion: string, kind: string, namespace: string | undefined, name: string) => `${apiVersion}|${kind}|${namespace ?? ""}|${name}`;
