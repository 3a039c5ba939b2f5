import type { Env } from "@/lib/config/config";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

/** Reads KEY=VALUE lines; blank lines and # comments are skipped. */
export function readEnvFile(path: string): Record<string, string> {
  if (!existsSync(path)) return {};
  const values: Record<string, string> = {};
  for (const line of readFileSync(path, "utf8").split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match || line.trimStart().startsWith("#")) continue;
    values[match[1]] = match[2].replace(/^(['"])(.*)\1$/, "$2");
  }
  return values;
}

/** Copies values from an env file into `env` without overriding what is already set. */
export function applyEnvFile(path: string, env: Env = process.env): void {
  for (const [key, value] of Object.entries(readEnvFile(path))) env[key] ??= value;
}

export function writeEnvFile(path: string, header: string, values: Record<string, string>): void {
  const body = Object.entries(values)
    .map(([key, value]) => `${key}=${value}`)
    .join("\n");
  writeFileSync(path, `${header}\n${body}\n`, { mode: 0o600 });
}
