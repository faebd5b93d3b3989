/**
 * Next.js configuration. The site is fully dynamic (lab directories are chosen at run time), works offline (no
 * remote fonts or images), and leaves type checking to the repository-wide `tsc --noEmit` step so a build is
 * not blocked by unrelated work in progress elsewhere in the tree.
 */
import type { NextConfig } from "next";

const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
  eslint: { ignoreDuringBuilds: true },
  images: { unoptimized: true },
  // A lab's web service is proxied under /api/sessions/:id/services/:host/:port/ and its paths must reach it
  // exactly: the default redirect from "/dir/" to "/dir" would break every relative link of its pages.
  skipTrailingSlashRedirect: true,
};

export default config;
