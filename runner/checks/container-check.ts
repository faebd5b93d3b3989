/**
 * Runs a `container` check: gathers the subject's configuration and /proc state inside the host and lets
 * labs/grading/container judge it. Three subjects: the host itself (its PID 1, plus what the runtime knows
 * about the host container: image, privileged), the oldest process with a given name in the host, or a
 * container the learner started there (`docker inspect` inside the host; when the Docker daemon runs in the
 * host, as with Docker-in-Docker, the container's process is visible and its /proc is read too, after
 * checking by cgroup that the pid really is that container's).
 */
import { judgeContainer, parseContainerReport } from "../../labs/grading/container/index";
import type { ContainerSubject } from "../../labs/index";
import type { ContainerRuntime } from "../docker/runtime";
import { pollHost } from "./host-check-run";
import type { CheckOutcome, ContainerCheckRequest } from "./request";
import { SECTION_FUNCTION, shellQuote } from "./shell";

/** Prints the status, mounts, passwd and environ sections of process $pid. */
const PROC_SECTIONS = [
  'section status; cat "/proc/$pid/status"',
  'section mounts; cat "/proc/$pid/mounts" 2>/dev/null',
  'section passwd; cat "/proc/$pid/root/etc/passwd" 2>/dev/null || cat /etc/passwd 2>/dev/null',
  'section environ; cat "/proc/$pid/environ" 2>/dev/null',
].join("\n");

/** The kernel keeps the first 15 characters of a process name (comm). */
const COMM_LENGTH = 15;

export function containerProgram(subject: ContainerSubject, hostName: string): string {
  const lines = [SECTION_FUNCTION];
  if (subject.kind === "host") lines.push("pid=1", PROC_SECTIONS);
  if (subject.kind === "process") {
    lines.push(
      `name=${shellQuote(subject.name.slice(0, COMM_LENGTH))}`,
      "pid=",
      'for d in /proc/[0-9]*; do',
      '  [ "$(cat "$d/comm" 2>/dev/null)" = "$name" ] || continue',
      '  p=${d#/proc/}; [ "$p" = "$$" ] && continue',
      '  if [ -z "$pid" ] || [ "$p" -lt "$pid" ]; then pid=$p; fi',
      "done",
      `if [ -z "$pid" ]; then section missing; echo ${shellQuote(`no process named ${subject.name} is running`)}; exit 0; fi`,
      PROC_SECTIONS,
    );
  }
  if (subject.kind === "container") {
    lines.push(
      `c=${shellQuote(subject.name)}`,
      `command -v docker >/dev/null 2>&1 || { section missing; echo ${shellQuote(`cannot be inspected: there is no docker command in host ${hostName}`)}; exit 0; }`,
      'out=$(docker inspect --type container -- "$c" 2>&1) || { section missing; echo "$out"; exit 0; }',
      'section inspect; printf "%s\\n" "$out"',
      "set -- $(docker inspect --type container -f '{{.State.Pid}} {{.Id}}' -- \"$c\" 2>/dev/null)",
      'pid=${1:-0}',
      // Only when the daemon runs in this host is the pid ours; the cgroup path names the container then.
      'if [ "$pid" != 0 ] && [ -n "$2" ] && grep -q "$2" "/proc/$pid/cgroup" 2>/dev/null; then',
      PROC_SECTIONS,
      "fi",
    );
  }
  return `${lines.join("\n")}\n`;
}

export function subjectText(subject: ContainerSubject, hostName: string): string {
  if (subject.kind === "host") return `host ${hostName}`;
  return `${subject.kind} ${subject.name} on host ${hostName}`;
}

export function runContainerCheck(runtime: ContainerRuntime, containerId: string, request: ContainerCheckRequest, signal?: AbortSignal): Promise<CheckOutcome> {
  const program = containerProgram(request.subject, request.host);
  const subject = subjectText(request.subject, request.host);
  return pollHost(runtime, containerId, { timeoutMs: request.timeoutMs, intervalMs: request.intervalMs, ...(signal && { signal }) }, async (run) => {
    const result = await run(program);
    if (result.timedOut) return { passed: false, message: `${subject}: could not be examined in time` };
    const report = parseContainerReport(result.stdout);
    if (request.subject.kind !== "container" && report.missing === undefined) {
      const info = await runtime.inspectContainer(containerId);
      if (info) report.sources.host = { image: info.image, privileged: info.hostConfig.privileged };
    }
    return judgeContainer(subject, request.expect, report);
  });
}
