/**
 * Root layout: document shell, landmarks (banner, main, contentinfo), the skip link and the no-flash theme boot
 * script. Fonts are system fonts, so the site works fully offline.
 */
import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "./_ui/shell/SiteFooter";
import { SiteHeader } from "./_ui/shell/SiteHeader";
import { THEME_BOOT_SCRIPT } from "./_ui/theme/theme-script";
import "./_ui/styles/tokens.css";
import "./_ui/styles/base.css";
import "./_ui/styles/shell.css";
import "./_ui/styles/components.css";
import "./_ui/styles/catalog.css";
import "./_ui/styles/lab.css";
import "./_ui/styles/prose.css";
import "./_ui/styles/lab-session.css";

export const metadata: Metadata = {
  title: { default: "Praxis — hands-on cloud-native labs", template: "%s · Praxis" },
  description: "Self-hosted, hands-on labs for containers, Kubernetes and the cloud-native stack, in your browser.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f7f8fa" },
    { media: "(prefers-color-scheme: dark)", color: "#0f1318" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // The boot script sets data-theme and class="js" before hydration; React must not "fix" them.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1} className="site-main">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
