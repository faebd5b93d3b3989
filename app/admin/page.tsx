/**
 * `/admin` — for admins: every running session on this host (lab, learner, workshop, state, age,
 * expiry) with a Stop button, the host's capacity, and the instructor accounts with a form to add one.
 * Self-paced and workshop sessions appear alike; warm-pool members show without a learner.
 */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { loadAdminPage } from "../_server/admin/page-data";
import { currentInstructor } from "../_server/auth/index";
import { CapacityPanel } from "../_ui/auth/CapacityPanel";
import { CreateAccountForm } from "../_ui/auth/CreateAccountForm";
import { RefreshButton } from "../_ui/auth/RefreshButton";
import { SessionsTable } from "../_ui/auth/SessionsTable";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin", robots: { index: false } };

export default async function AdminPage() {
  const me = await currentInstructor();
  if (!me) redirect("/login?next=/admin");
  if (me.role !== "admin") {
    return (
      <div className="container">
        <h1>Admin</h1>
        <p className="notice">This page is for admins. You are signed in as {me.email}, an instructor.</p>
      </div>
    );
  }
  const data = await loadAdminPage();
  const now = Date.now();
  return (
    <div className="container">
      <header className="page-intro admin-toolbar">
        <div>
          <h1>Admin</h1>
          <p className="lead">Everything running on this host, and who can run workshops.</p>
        </div>
        <RefreshButton />
      </header>
      <section className="admin-section" aria-labelledby="capacity-heading">
        <h2 id="capacity-heading">Host capacity</h2>
        {data.overview ? <CapacityPanel capacity={data.overview.capacity} /> : <p className="notice">The lab runner cannot be reached: {data.runnerProblem}</p>}
      </section>
      <section className="admin-section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Running sessions</h2>
        {data.overview ? <SessionsTable sessions={data.overview.sessions} now={now} /> : null}
      </section>
      <section className="admin-section" aria-labelledby="accounts-heading">
        <h2 id="accounts-heading">Instructor accounts</h2>
        <table className="admin-table" data-testid="admin-accounts">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {data.accounts.map((a) => (
              <tr key={a.id}>
                <td>{a.email}</td>
                <td>{a.displayName ?? <span className="muted">—</span>}</td>
                <td>{a.role}</td>
                <td>{a.createdAt.toISOString().slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Add an account</h3>
        <CreateAccountForm />
      </section>
    </div>
  );
}
