"use client";
/**
 * The header's instructor links: "Instructor" (and "Admin" for admins) plus "Sign out", shown only to a
 * signed-in instructor. Pages stay cacheable for learners because the header does not read cookies on
 * the server: the browser asks /api/auth/me, and only when the CSRF cookie says a sign-in happened.
 */
import Link from "next/link";
import { useEffect, useState } from "react";
import { callJson } from "./auth-api";
import { CSRF_COOKIE, readCookie } from "./csrf";
import "./auth.css";

interface Me {
  email: string;
  displayName: string | null;
  role: "instructor" | "admin";
}

export function InstructorLinks({ pathname }: { pathname: string }) {
  const [me, setMe] = useState<Me | null>(null);

  useEffect(() => {
    if (!readCookie(CSRF_COOKIE)) return;
    let live = true;
    void callJson<{ instructor: Me }>("GET", "/api/auth/me").then((r) => live && setMe(r.ok ? r.data.instructor : null));
    return () => {
      live = false;
    };
  }, [pathname]);

  if (!me) return null;

  async function signOut() {
    await callJson("POST", "/logout");
    window.location.assign("/login");
  }

  const current = (prefix: string) => (pathname.startsWith(prefix) ? "page" : undefined);
  return (
    <>
      <li>
        <Link href="/instructor" aria-current={current("/instructor")} title={`Signed in as ${me.displayName ?? me.email}`}>
          Instructor
        </Link>
      </li>
      {me.role === "admin" ? (
        <li>
          <Link href="/admin" aria-current={current("/admin")}>
            Admin
          </Link>
        </li>
      ) : null}
      <li>
        <button type="button" className="nav-button" onClick={() => void signOut()}>
          Sign out
        </button>
      </li>
    </>
  );
}
