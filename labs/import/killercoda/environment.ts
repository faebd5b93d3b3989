/**
 * Maps Killercoda's backend.imageid onto a Praxis environment. Ubuntu-style images become the default
 * praxis/workstation host (Debian); the kubeadm images become a workstation with kubectl plus a kind
 * cluster of the same node count; anything else falls back to praxis/workstation, and the note says so.
 */
import type { Note } from "./notes";

export interface EnvironmentChoice {
  image: string;
  clusterNodes?: number;
}

export const FALLBACK_IMAGE = "praxis/workstation";

export function environmentFor(imageid: string | undefined, notes: Note[]): EnvironmentChoice {
  const where = "index.json";
  if (imageid === undefined || imageid === "") {
    notes.push({ level: "info", where, message: `no backend.imageid; the lab uses ${FALLBACK_IMAGE}` });
    return { image: FALLBACK_IMAGE };
  }
  if (/^(ubuntu|debian)/i.test(imageid)) {
    notes.push({ level: "info", where, message: `backend.imageid ${imageid} runs on ${FALLBACK_IMAGE} (Debian 12 with common tools); Ubuntu-specific packages may differ` });
    return { image: FALLBACK_IMAGE };
  }
  const kube = /^kubernetes-kubeadm-(\d+)nodes?\b/i.exec(imageid);
  if (kube) {
    const nodes = Math.min(Math.max(Number(kube[1]), 1), 5);
    notes.push({
      level: "warning",
      where,
      message: `backend.imageid ${imageid} became a ${nodes}-node kind cluster; the learner works on host \`workstation\` with kubectl. Killercoda's controlplane/node01 machines do not exist, so scripts that ssh to them need rewriting`,
    });
    return { image: FALLBACK_IMAGE, clusterNodes: nodes };
  }
  notes.push({
    level: "warning",
    where,
    message: `Praxis has no image for backend.imageid ${imageid}; the lab falls back to ${FALLBACK_IMAGE}. Build your own image under images/ and set environment.hosts[0].image if the scenario needs more`,
  });
  return { image: FALLBACK_IMAGE };
}

/** Commands that need the internet, which Praxis hosts do not have by default. */
const NETWORK = /\b(apt-get|apt|yum|dnf|apk)\s+(install|update)\b|\b(curl|wget)\s|\bdocker\s+(pull|run)\b|\bpip3?\s+install\b|\bnpm\s+install\b|\bgit\s+clone\b|\bhelm\s+repo\s+add\b/;

export function networkNote(script: string, file: string): Note | undefined {
  const lines = script.split("\n");
  const index = lines.findIndex((l) => !l.trimStart().startsWith("#") && NETWORK.test(l));
  if (index < 0) return undefined;
  return {
    level: "warning",
    where: `${file}:${index + 1}`,
    message: `\`${lines[index]!.trim()}\` needs the internet, which Praxis hosts do not have by default; bake what it installs into an image instead`,
  };
}
