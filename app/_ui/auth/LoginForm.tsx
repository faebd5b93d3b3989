"use client";
/**
 * The instructor sign-in form (and, with `setup`, the first-run form that creates the admin account).
 * Posts JSON to the auth route, shows the route's sentence on failure (wrong password, too many tries),
 * and on success loads the next page in full so the header and server pages see the new session.
 */
import { useState, type FormEvent } from "react";
import { callJson } from "./auth-api";

export function LoginForm({ next, setup = false }: { next: string; setup?: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const body = { email: form.get("email"), password: form.get("password"), ...(setup ? { displayName: form.get("displayName") || undefined } : {}) };
    const result = await callJson("POST", setup ? "/api/auth/setup" : "/api/auth/login", body);
    if (result.ok) {
      window.location.assign(next);
      return;
    }
    setError(result.message);
    setBusy(false);
  }

  return (
    <form className="auth-form panel" onSubmit={submit} aria-describedby={error ? "auth-error" : undefined}>
      {setup ? (
        <label>
          <span>
            Your name <span className="muted">(optional)</span>
          </span>
          <input name="displayName" autoComplete="name" maxLength={60} />
        </label>
      ) : null}
      <label>
        Email
        <input name="email" type="email" autoComplete="username" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete={setup ? "new-password" : "current-password"} minLength={setup ? 12 : undefined} required />
      </label>
      {setup ? <p className="muted">At least 12 characters. A passphrase of a few words is easy to type and hard to guess.</p> : null}
      {error ? (
        <p id="auth-error" className="auth-error" role="alert">
          {error}
        </p>
      ) : null}
      <button className="button button-primary" type="submit" disabled={busy}>
        {setup ? "Create admin account" : "Sign in"}
      </button>
    </form>
  );
}
