/**
 * Public entry point of the lab model. Other parts of Praxis (site, runner adapter, CLI, grader) import from
 * here only, never from the files behind it, so the format's internals can change without touching them.
 * Everything re-exported here is pure except the loader functions, which read lab directories from disk.
 */

export type {
  Check,
  CheckKind,
  ContainerCheck,
  ContainerExpectation,
  ContainerSubject,
  Diagnostic,
  Difficulty,
  Environment,
  FileCheck,
  FileExpectation,
  Grading,
  Host,
  HostCheck,
  HostFile,
  HostPort,
  HostResources,
  HostScript,
  HttpCheck,
  HttpExpectation,
  HttpRequestSpec,
  KindCluster,
  KubernetesAssertion,
  KubernetesCheck,
  KubernetesCondition,
  KubernetesObjectRef,
  KubernetesSelection,
  Lab,
  LabMetadata,
  MarkdownPage,
  ScriptCheck,
  ScriptSource,
  StructuredExpectation,
  Step,
  SubmissionAction,
  SubmissionFile,
} from "./format/types";
export { API_VERSION, LAB_KIND } from "./format/v1alpha1";
export { formatDiagnostic, sortDiagnostics } from "./format/diagnostics";
export { labJsonSchema } from "./format/json-schema";
export { labPositions } from "./format/lab-positions";
export type { DataPath, Position } from "./format/positions";
export { labSummary, type LabSummary } from "./catalog";
export { loadLab, loadLabs, type LoadLabResult, type LoadLabsResult } from "./loader/load";
export { labDirsFromEnv } from "./loader/dirs";
