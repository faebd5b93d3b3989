/**
 * Public entry of the kubernetes check engine. Everything here is pure (no node:*, no HTTP client), so it
 * runs in the runner, the CLI or a test alike. The real cluster reader lives at the edge, in
 * ./client-node-reader (it imports @kubernetes/client-node); import it from there in the composition root.
 */
export { runKubernetesCheck, KUBERNETES_MESSAGE_CAP, DEFAULT_REQUEST_TIMEOUT_MS } from "./run";
export type { KubernetesCheckResult, KubernetesCheckOptions, KubernetesCheckSpec } from "./run";
export { ClusterReadError, isPermanent } from "./reader";
export type { ClusterReader, ClusterReadErrorReason, KubeObject, ListQuery, ObjectRef, ReadOptions } from "./reader";
export { FakeClusterReader } from "./fake-reader";
export { matchPartial, type Mismatch } from "./match";
export { parseExpression, ExpressionError } from "./expression/parser";
