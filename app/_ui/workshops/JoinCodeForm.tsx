"use client";
/**
 * `/join`: type the code the instructor shows (case, spaces and dashes do not matter), then go to its join
 * page. A join page whose code was wrong shows it again, filled in with that code to correct.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import "./workshops.css";

export function JoinCodeForm({ initial = "" }: { initial?: string }) {
  const router = useRouter();
  const [code, setCode] = useState(initial);
  const clean = code.toUpperCase().replace(/[\s-]+/g, "");
  return (
    <form className="join-form panel" onSubmit={(e) => {
      e.preventDefault();
      const target = `/join/${encodeURIComponent(clean)}`;
      // The same code again (after a failed lookup) must look it up again, which a same-URL push does not.
      if (clean && window.location.pathname === target) window.location.reload();
      else if (clean) router.push(target);
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
