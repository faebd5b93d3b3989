/** 404 for an unknown lab id: say what happened and offer the way back. */
import Link from "next/link";

export default function LabNotFound() {
  return (
    <div className="container narrow empty-state">
      <h1>Lab not found</h1>
      <p>There is no lab with this id. It may have been renamed, or it failed validation.</p>
      <p>
        <Link href="/">Browse all labs</Link>
      </p>
    </div>
  );
}
