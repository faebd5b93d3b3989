/** `/join` — learners type the workshop code their instructor shows; no account needed. */
import type { Metadata } from "next";
import { JoinCodeForm } from "../_ui/workshops/JoinCodeForm";

export const metadata: Metadata = { title: "Join a workshop" };

export default function JoinPage() {
  return (
    <div className="join-flow">
      <h1>Join a workshop</h1>
      <p>Type the code your instructor shows.</p>
      <JoinCodeForm />
    </div>
  );
}
