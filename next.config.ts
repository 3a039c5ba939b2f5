import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // The Dockerfile builds with NEXT_OUTPUT=standalone and ships that server;
  // `npm start` runs `next start`, which standalone output does not support.
  output: process.env.NEXT_OUTPUT === "standalone" ? "standalone" : undefined,
  poweredByHeader: false,
  // Read at run time from the app root (lib/auth/common-passwords.ts).
  outputFileTracingIncludes: { "/**": ["./data/**"] },
  // Server-only packages with native parts or wasm stay out of the bundle.
  serverExternalPackages: ["@prisma/adapter-pg", "pg", "@nats-io/transport-node", "@nats-io/nkeys", "@nats-io/jwt"],
};

export default nextConfig;
