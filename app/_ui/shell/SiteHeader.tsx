/**
 * The banner landmark: brand, primary navigation and the theme toggle. The skip link before it lets keyboard
 * users jump straight to the page's main content.
 */
import Link from "next/link";
import { ThemeToggle } from "../theme/ThemeToggle";
import { NavLinks } from "./NavLinks";

export function SiteHeader() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="site-header">
        <div className="container site-header-inner">
          <Link href="/" className="brand">
            <span className="brand-mark" aria-hidden="true">
              ▲
            </span>
            Praxis
          </Link>
          <nav aria-label="Main">
            <NavLinks />
          </nav>
          <ThemeToggle />
        </div>
      </header>
    </>
  );
}
