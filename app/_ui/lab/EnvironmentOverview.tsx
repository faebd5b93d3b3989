/**
 * What the learner will be given: each host (image, resources, whether it has a terminal) and the Kubernetes
 * cluster if the lab needs one. Shown before starting so nobody is surprised by a 4 GiB cluster.
 */
import type { Environment } from "../../../labs/index";
import { formatBytes, plural } from "../format";

export function EnvironmentOverview({ environment }: { environment: Environment }) {
  const { hosts, cluster } = environment;
  return (
    <section className="panel" aria-labelledby="environment-title">
      <h2 id="environment-title" className="panel-title">
        Environment
      </h2>
      <ul className="host-list">
        {hosts.map((host) => (
          <li key={host.name} className="host">
            <p className="host-name">
              <code>{host.name}</code>
              {host.terminal && <span className="badge badge-quiet">terminal</span>}
            </p>
            <dl className="facts">
              <dt>Image</dt>
              <dd>
                <code>{host.image}</code>
              </dd>
              <dt>Resources</dt>
              <dd>
                {plural(host.resources.cpus, "CPU")}, {formatBytes(host.resources.memoryBytes)}
              </dd>
            </dl>
          </li>
        ))}
      </ul>
      {cluster && (
        <div className="cluster">
          <p className="host-name">
            <span className="badge badge-kubernetes">Kubernetes</span>
          </p>
          <dl className="facts">
            <dt>Cluster</dt>
            <dd>
              kind, {plural(cluster.nodes, "node")}
            </dd>
            <dt>Version</dt>
            <dd>
              <code>{cluster.kubernetesVersion}</code>
            </dd>
          </dl>
        </div>
      )}
    </section>
  );
}
