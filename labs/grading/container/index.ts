/**
 * Container checks, pure part: how a container or process is confined, read from `docker inspect` and
 * /proc (observe.ts) and compared with a check's expectation (evaluate.ts). The runner gathers the raw
 * material inside the host (runner/checks/container-check.ts) and polls with ../poll.
 */
export { containerState, type ContainerSources, type ContainerState } from "./observe";
export { containerProblems } from "./evaluate";
export { decodeCapabilitySet, dockerCapabilities, normaliseCapability, ALL_CAPABILITIES, DOCKER_DEFAULT_CAPABILITIES } from "./capabilities";
export { normaliseImage, sameImage } from "./image";
export { parseContainerReport, judgeContainer, type ContainerReport } from "./report";
