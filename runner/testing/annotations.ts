/**
 * GitHub Actions workflow commands for `praxis test` when GITHUB_ACTIONS=true: one
 * `::error file=…,line=…,title=…::message` per problem, so each appears on the right line of lab.yaml in
 * the pull request. Paths must be relative to the repository root (GITHUB_WORKSPACE). Escaping follows the
 * runner's rules: % CR LF in the message; additionally : and , in property values.
 */
import { phaseLabel, type LabTestResult } from "./results";
import type { Locate } from "./locate";

export function githubAnnotations(results: readonly LabTestResult[], locate: Locate, repoPath: (file: string) => string): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const p of r.phases) {
      for (const problem of p.problems) {
        const { line, column } = locate(r.labFile, problem.at);
        const props = `file=${prop(repoPath(r.labFile))},line=${line},col=${column},title=${prop(`praxis test: ${phaseLabel(r.labId, p)}`)}`;
        lines.push(`::error ${props}::${data(problem.message)}\n`);
      }
    }
  }
  return lines.join("");
}

function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function prop(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
