/** 404 for an unknown guide slug. */
import Link from "next/link";

export default function GuideNotFound() {
  return (
    <div className="container narrow empty-state">
      <h1>Guide not found</h1>
      <p>There is no guide at this address.</p>
      <p>
        <Link href="/guides">See all guides</Link>
      </p>
    </div>
  );
}
