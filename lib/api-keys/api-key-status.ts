/**
 * Pure rules about an API key's lifetime, shared by the use cases and the
 * console (browser-safe: no database or node: imports).
 */

export type ApiKeyStatus = "active" | "expired" | "revoked";

/** The choices the console offers; `null` is "never expires". API clients may send any date within the maximum. */
export const API_KEY_EXPIRY_PRESETS = [
  { days: 30, label: "30 days" },
  { days: 90, label: "90 days" },
  { days: 365, label: "1 year" },
  { days: null, label: "Never" },
] as const;

export const DEFAULT_API_KEY_EXPIRY_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Revoked wins over expired. */
export function apiKeyStatus(key: { revokedAt: Date | null; expiresAt: Date | null }, now: Date = new Date()): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && key.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

export function apiKeyExpiry(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

/** The latest allowed expiry: one calendar year ahead (so "365 days" always fits, leap years included). */
export function maxApiKeyExpiry(now: Date = new Date()): Date {
  const max = new Date(now);
  max.setUTCFullYear(max.getUTCFullYear() + 1);
  return max;
}
