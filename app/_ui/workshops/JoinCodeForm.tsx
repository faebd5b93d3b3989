"use client";
/** `/join`: type the code the instructor shows (case, spaces and dashes do not matter), then go to its join page. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import "./workshops.css";

export function JoinCodeForm() {
  const router = useRouter();
  const [code, setCode] = useState("");
  const clean = code.toUpperCase().replace(/[\s-]+/g, "");
  return (
    <form className="join-form panel" onSubmit={(e) => {
      e.preventDefault();
      if (clean) router.push(`/join/${encodeURIComponent(clean)}`);
    }}>
      <label>
        Workshop code
        <input name="code" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" autoCapitalize="characters" spellCheck={false} placeholder="ABC-DEF" required />
      </label>
      <button type="submit" className="button button-primary" disabled={clean.length === 0}>
        Continue
      </button>
    </form>
  );
}
