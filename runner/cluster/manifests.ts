/**
 * The node image ships its add-on manifests in /kind/manifests (kind's node-image contract). Two
 * markers in the CNI manifest ask the installer to fill in cluster specifics: "would you kindly template
 * this file" (the pod subnet, written `{{ .PodSubnet }}`) and "would you kindly patch this file" (add
 * CONTROL_PLANE_ENDPOINT to the DaemonSet's first container, so the CNI can reach the API server before
 * the service network works). Both are applied here, without a Go template engine.
 */
import { parseAllDocuments } from "yaml";

export const CNI_MANIFEST = "/kind/manifests/default-cni.yaml";
export const STORAGE_MANIFEST = "/kind/manifests/default-storage.yaml";

const TEMPLATE_MARKER = "would you kindly template this file";
const PATCH_MARKER = "would you kindly patch this file";

export function prepareCniManifest(text: string, opts: { podSubnet: string; controlPlaneEndpoint: string }): string {
  let out = text;
  if (out.includes(TEMPLATE_MARKER)) {
    out = out.replace(/\{\{\s*\.PodSubnet\s*\}\}/g, opts.podSubnet);
    const leftover = /\{\{[^}]*\}\}/.exec(out);
    if (leftover) throw new Error(`CNI manifest: unsupported template expression ${leftover[0]}`);
  }
  if (!out.includes(PATCH_MARKER)) return out;
  const docs = parseAllDocuments(out);
  for (const doc of docs) {
    if (doc.get("kind") !== "DaemonSet") continue;
    const path = ["spec", "template", "spec", "containers", 0, "env"];
    const env = doc.getIn(path) as { items: unknown[] } | undefined;
    const entry = doc.createNode({ name: "CONTROL_PLANE_ENDPOINT", value: opts.controlPlaneEndpoint });
    if (env) env.items.push(entry);
    else doc.setIn(path, doc.createNode([{ name: "CONTROL_PLANE_ENDPOINT", value: opts.controlPlaneEndpoint }]));
  }
  // Documents after the first print their own "---"; strip it so each gets exactly one separator.
  return docs.map((d) => d.toString().replace(/^---\n/, "")).join("---\n");
}
