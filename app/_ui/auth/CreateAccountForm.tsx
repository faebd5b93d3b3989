"use client";
/** The admin's form for a new instructor account: email, initial password (12+), optional name and role. */
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callJson } from "./auth-api";

export function CreateAccountForm() {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setBusy(true);
    const result = await callJson<{ account: { email: string } }>("POST", "/api/admin/accounts", {
      email: form.get("email"),
      password: form.get("password"),
      displayName: form.get("displayName") || undefined,
      role: form.get("role"),
    });
    setBusy(false);
    if (result.ok) {
      formElement.reset();
      setMessage({ ok: true, text: `Account created for ${result.data.account.email}. Give them the initial password in person.` });
      router.refresh();
    } else setMessage({ ok: false, text: result.message });
  }

  return (
    <form className="auth-form panel" onSubmit={submit} aria-label="New instructor account">
      <label>
        Email
        <input name="email" type="email" autoComplete="off" required />
      </label>
      <label>
        <span>
          Name <span className="muted">(optional)</span>
        </span>
        <input name="displayName" maxLength={60} autoComplete="off" />
      </label>
      <label>
        Initial password
        <input name="password" type="password" autoComplete="new-password" minLength={12} required />
      </label>
      <label>
        Role
        <select name="role" defaultValue="instructor">
          <option value="instructor">Instructor</option>
          <option value="admin">Admin</option>
        </select>
      </label>
      {message ? (
        <p className={message.ok ? "auth-ok" : "auth-error"} role={message.ok ? "status" : "alert"}>
          {message.text}
        </p>
      ) : null}
      <button className="button button-primary" type="submit" disabled={busy}>
        Create account
      </button>
    </form>
  );
}
