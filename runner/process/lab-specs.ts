/**
 * Turns a lab id into the runner's EnvironmentSpec by loading the lab from the configured lab
 * directories. The runner needs it to reset a session it adopted after a restart (its spec is not in
 * the labels); the web app uses the same path to start sessions. Reading files is the loader's job.
 */
import { readFile } from "node:fs/promises";
import { formatDiagnostic, loadLabs } from "../../labs/index";
import { specFromLab } from "../environment/from-lab";
import { InvalidEnvironmentError, type EnvironmentSpec } from "../environment/spec";

export function labSpecLoader(labDirs: readonly string[]): (labId: string) => Promise<EnvironmentSpec> {
  return async (labId) => {
    const { labs, diagnostics } = await loadLabs(labDirs);
    const lab = labs.find((l) => l.metadata.id === labId);
    if (!lab) {
      const why = diagnostics.length > 0 ? `; problems: ${diagnostics.map((d) => formatDiagnostic(d)).join("; ")}` : "";
      throw new InvalidEnvironmentError([`no valid lab "${labId}" in ${labDirs.join(", ")}${why}`]);
    }
    return specFromLab(lab, async (p) => new Uint8Array(await readFile(p)));
  };
}
