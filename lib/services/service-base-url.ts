import { z } from "zod";
import { loadConfig } from "@/lib/config/config";
import { ValidationError } from "@/lib/errors/domain-errors";
import { hostRefusal, normalizeHost } from "./upstream-address-policy";

function baseUrlProblem(raw: string, url: URL | null): string | null {
  if (!url) return "Enter a full URL, like https://api.example.com.";
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Use an http:// or https:// URL.";
  if (url.username || url.password) return "Leave credentials out of the URL; the gateway signs every request instead.";
  if (raw.includes("?") || raw.includes("#")) return "Leave out the query string and fragment; request paths and queries are appended to the base URL.";
  return null;
}

/**
 * A service's base URL: http(s), no credentials (they would reach the
 * upstream's logs and ours), no query or fragment (forwarded paths and queries
 * are appended to it). Stored without a trailing slash.
 */
export const serviceBaseUrl = z
  .string()
  .trim()
  .min(1, "Enter the service's base URL.")
  .max(2000, "Keep the base URL to 2000 characters or fewer.")
  .transform((raw, issue) => {
    const url = URL.canParse(raw) ? new URL(raw) : null;
    const problem = baseUrlProblem(raw, url);
    if (problem || !url) {
      issue.addIssue({ code: "custom", message: problem ?? "Enter a full URL." });
      return z.NEVER;
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
  });

/** Refuses a base URL whose host is already known to be off limits (literal IPs, metadata names); resolved addresses are checked per request. */
export function ensureBaseUrlAllowed(baseUrl: string): void {
  const host = new URL(baseUrl).hostname;
  const refusal = hostRefusal(host, loadConfig().allowPrivateUpstreams);
  if (refusal) throw new ValidationError(`${normalizeHost(host)} is ${refusal}, which upstream services may not use.`, "baseUrl");
}
