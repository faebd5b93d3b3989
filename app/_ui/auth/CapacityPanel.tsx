/**
 * Host capacity on the admin page: sessions and memory, each as "in use of limit" with a meter, plus
 * how many are warm-pool members (ready for learners, evictable) and how many are still provisioning.
 */
import type { CapacityView } from "../../_server/runner-client";
import { formatBytes } from "../format";

export function CapacityPanel({ capacity }: { capacity: CapacityView }) {
  const { liveSessions, maxSessions, memoryInUseBytes, maxMemoryBytes, memoryWarmBytes, byState } = capacity;
  return (
    <div className="admin-meters" aria-label="Host capacity">
      <div className="panel admin-meter">
        <h3 className="panel-title">Sessions</h3>
        <p>
          <strong data-testid="capacity-sessions">
            {liveSessions} of {maxSessions}
          </strong>{" "}
          in use
        </p>
        <meter min={0} max={Math.max(1, maxSessions)} value={liveSessions} high={maxSessions * 0.85} aria-label="Sessions in use" />
        <p className="muted">
          {byState.ready} ready · {byState.provisioning} provisioning · {byState.warm} warm
        </p>
      </div>
      <div className="panel admin-meter">
        <h3 className="panel-title">Memory</h3>
        <p>
          <strong data-testid="capacity-memory">
            {formatBytes(memoryInUseBytes)} of {formatBytes(maxMemoryBytes)}
          </strong>{" "}
          reserved
        </p>
        <meter min={0} max={Math.max(1, maxMemoryBytes)} value={memoryInUseBytes} high={maxMemoryBytes * 0.85} aria-label="Memory reserved" />
        <p className="muted">{formatBytes(memoryWarmBytes)} of it held by the warm pool</p>
      </div>
    </div>
  );
}
