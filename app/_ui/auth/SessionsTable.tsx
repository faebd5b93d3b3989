/** The admin page's table of every session the runner holds, newest state first, each with a Stop button. */
import type { AdminSessionRow } from "../../_server/admin/overview";
import { formatAge, learnerLabel } from "./admin-format";
import { StopSessionButton } from "./StopSessionButton";

export function SessionsTable({ sessions, now }: { sessions: AdminSessionRow[]; now: number }) {
  if (sessions.length === 0) return <p className="empty-state">No sessions are running.</p>;
  return (
    <table className="admin-table" data-testid="admin-sessions">
      <thead>
        <tr>
          <th scope="col">Lab</th>
          <th scope="col">Learner</th>
          <th scope="col">Workshop</th>
          <th scope="col">State</th>
          <th scope="col">Age</th>
          <th scope="col">Expires</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sessions.map((s) => (
          <tr key={s.id} data-session-id={s.id}>
            <td>{s.labId}</td>
            <td>{learnerLabel(s.learner)}</td>
            <td>{s.workshop ? <a href={`/instructor/workshops/${encodeURIComponent(s.workshop.id)}`}>{s.workshop.title}</a> : <span className="muted">self-paced</span>}</td>
            <td>{s.state}</td>
            <td>{formatAge(s.startedAt, now)}</td>
            <td>
              <time dateTime={s.expiresAt}>{new Date(s.expiresAt).toISOString().slice(11, 16)} UTC</time>
            </td>
            <td>{s.state === "warm" ? null : <StopSessionButton sessionId={s.id} label={`${s.labId} of ${learnerLabel(s.learner)}`} />}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
