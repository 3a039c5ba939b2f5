#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, with the repo's tsconfig (for `@/` imports) wherever it is called from.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: path.join(root, "tsconfig.json") });
await import("./cordon.ts");
