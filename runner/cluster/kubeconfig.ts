/**
 * Kubeconfigs derived from the control plane's /etc/kubernetes/admin.conf, as `kind get kubeconfig`
 * does: every name becomes `kind-<cluster>`; the "internal" one keeps the in-network server
 * (`https://<cluster>-control-plane:6443`, for hosts of the session), the "host" one points at the
 * port published on 127.0.0.1 (for the runner's checks).
 */
import { parse, stringify } from "yaml";

export const ADMIN_CONF = "/etc/kubernetes/admin.conf";

interface Named<T> {
  name: string;
  [key: string]: unknown;
  cluster?: T;
  context?: { cluster: string; user: string; [key: string]: unknown };
}

interface KubeconfigDoc {
  clusters: Named<{ server: string; [key: string]: unknown }>[];
  contexts: Named<never>[];
  users: Named<never>[];
  "current-context": string;
  [key: string]: unknown;
}

export function kindKubeconfig(adminConf: string, cluster: string, server?: string): string {
  const doc = parse(adminConf) as KubeconfigDoc;
  if (doc?.clusters?.length !== 1 || doc.contexts?.length !== 1 || doc.users?.length !== 1) {
    throw new Error("admin.conf must have exactly one cluster, context and user");
  }
  const name = `kind-${cluster}`;
  const [c] = doc.clusters;
  const [ctx] = doc.contexts;
  const [user] = doc.users;
  c!.name = name;
  if (server) c!.cluster!.server = server;
  user!.name = name;
  ctx!.name = name;
  ctx!.context = { ...ctx!.context!, cluster: name, user: name };
  doc["current-context"] = name;
  return stringify(doc);
}

export function hostServer(hostIp: string, hostPort: number): string {
  return `https://${hostIp === "0.0.0.0" || hostIp === "" ? "127.0.0.1" : hostIp}:${hostPort}`;
}
