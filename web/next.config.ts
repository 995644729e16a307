import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The dashboard is a client of the chain; no image optimisation (avoids sharp) and no remote assets.
  images: { unoptimized: true },
};

export default nextConfig;
