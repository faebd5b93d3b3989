"use client";
/**
 * Primary navigation links, marking the current section with aria-current so both screen readers and the
 * styling know where the reader is (a lab page counts as "Labs", a guide as "Guides"). A signed-in instructor
 * also gets the instructor links (app/_ui/auth/InstructorLinks.tsx).
 */
import Link from "next/link";
import { usePathname } from "next/navigation";
import { InstructorLinks } from "../auth/InstructorLinks";

const LINKS = [
  { href: "/", label: "Labs", matches: (p: string) => p === "/" || p.startsWith("/labs") },
  { href: "/guides", label: "Guides", matches: (p: string) => p.startsWith("/guides") },
];

export function NavLinks() {
  const pathname = usePathname() ?? "/";
  return (
    <ul className="nav-links">
      {LINKS.map((link) => (
        <li key={link.href}>
          <Link href={link.href} aria-current={link.matches(pathname) ? "page" : undefined}>
            {link.label}
          </Link>
        </li>
      ))}
      <InstructorLinks pathname={pathname} />
    </ul>
  );
}
