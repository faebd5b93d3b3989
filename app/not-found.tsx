/** Site-wide 404. */
import Link from "next/link";

export default function NotFound() {
  return (
    <div className="container narrow empty-state">
      <h1>Page not found</h1>
      <p>We could not find that page.</p>
      <p>
        <Link href="/">Browse the labs</Link> or <Link href="/guides">read a guide</Link>.
      </p>
    </div>
  );
}
