import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native schema engine; ours runs Prisma's own
// wasm engine over adapter-pg instead (see prisma/engine/README.md).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(import.meta.dirname, "prisma", "engine", "schema-engine.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // `env()` would throw when unset (e.g. during postinstall generate).
    url: process.env.DATABASE_URL ?? "postgresql://cordon:cordon@127.0.0.1:5432/cordon",
  },
});
