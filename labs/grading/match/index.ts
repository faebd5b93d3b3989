/**
 * Matching shared by the check kinds that read text and documents (file, http, container): the partial
 * matcher kubernetes checks use (every written key must match, lists match in any order, null means "not
 * set"), plus substring and regular-expression tests over text and YAML/JSON parsing with a partial match.
 * Pure: runs in the runner, the CLI and tests alike.
 */
export { matchPartial, type Mismatch } from "../kubernetes/match";
export { renderValue, capMessage } from "../kubernetes/values";
export { mismatchesText } from "./mismatches";
export { compilePattern, missingSubstrings, unmatchedPatterns, excerpt } from "./text";
export { matchStructured } from "./structured";
