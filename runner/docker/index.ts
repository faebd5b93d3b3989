/**
 * Public surface of the container-runtime boundary: the interface, its typed errors and the label
 * conventions. Implementations are imported from their own modules so the fake never pulls in dockerode.
 */
export type * from "./runtime";
export { RuntimeError, isRuntimeError, type RuntimeErrorKind } from "./errors";
export { LABEL, sessionLabels, managedFilter, containerName, networkName, type Role } from "./labels";
