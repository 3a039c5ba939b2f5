import { z } from "zod";

// Paths under /orgs/ that a slug must not shadow.
const RESERVED = new Set(["new", "api", "admin", "settings", "account", "login", "signup", "invite", "invites", "dev", "www", "cordon"]);

export const orgSlug = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "Use at least 3 characters.")
  .max(40, "Use at most 40 characters.")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "Use lowercase letters, digits and single hyphens, starting and ending with a letter or digit.")
  .refine((slug) => !RESERVED.has(slug), "That name is reserved; choose another.");

export const orgName = z.string().trim().min(1, "Enter a name.").max(80, "Keep the name under 80 characters.");

/** "Acme Inc." → "acme-inc"; padded to the minimum length when too short. */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return slug.length >= 3 ? (RESERVED.has(slug) ? `${slug}-org` : slug) : `${slug || "org"}-team`.replace(/^-/, "");
}
