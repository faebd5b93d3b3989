/**
 * `/setup` — first run: creates the first account, which is the admin. Open only while no account
 * exists; afterwards it sends people to /login (the API refuses a second setup too).
 */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authPageState } from "../_server/auth/pages";
import { LoginForm } from "../_ui/auth/LoginForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up Praxis", robots: { index: false } };

export default async function SetupPage() {
  const state = await authPageState();
  if (!state.needsSetup) redirect("/login");
  return (
    <div className="container auth-page">
      <header className="page-intro">
        <h1>Set up Praxis</h1>
        <p className="lead">Create the first instructor account. It becomes the admin, who can add more instructors later.</p>
      </header>
      <LoginForm next="/admin" setup />
    </div>
  );
}
