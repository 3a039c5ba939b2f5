import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Dockerfile ships the standalone server.
  output: "standalone",
  poweredByHeader: false,
  // Server-only packages with native parts or wasm stay out of the bundle.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "@nats-io/transport-node", "@nats-io/nkeys", "@nats-io/jwt"],
};

export default nextConfig;
