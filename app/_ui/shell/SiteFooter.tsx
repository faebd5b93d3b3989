/**
 * The contentinfo landmark: a quiet line about what Praxis is, and the one way in for instructors. Learners
 * never need an account, so sign-in stays out of the header; /login itself sends people to /setup while no
 * account exists, so this link is also how a fresh install finds its first-admin page.
 */
import Link from "next/link";

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container site-footer-inner">
        <p>Praxis — hands-on cloud-native labs that run in your browser. Self-hosted, works offline.</p>
        <Link href="/login" className="site-footer-link">
          Instructor sign-in
        </Link>
      </div>
    </footer>
  );
}
