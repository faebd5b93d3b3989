/**
 * `/login` — instructor sign-in. Before any account exists it sends people to /setup; a signed-in
 * instructor goes straight on to `?next=` (a same-site path) or the instructor area.
 */
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { authPageState, safeNextPath } from "../_server/auth/pages";
import { LoginForm } from "../_ui/auth/LoginForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Instructor sign-in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeNextPath((await searchParams).next);
  const state = await authPageState();
  if (state.needsSetup) redirect("/setup");
  if (state.instructor) redirect(next);
  return (
    <div className="container auth-page">
      <header className="page-intro">
        <h1>Instructor sign-in</h1>
        <p className="lead">For people who run workshops. Learners need no account: they join with a code from their instructor.</p>
      </header>
      <LoginForm next={next} />
    </div>
  );
}
