import { randomBytes } from "node:crypto";
import { loadConfig } from "@/lib/config/config";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";

const PURPOSE = "service-signing-secret";

/** A new signing secret: 256 random bits, prefixed so it is recognisable when pasted into an upstream's config. */
export function generateServiceSecret(): string {
  return `gws_${randomBytes(32).toString("base64url")}`;
}

export function sealServiceSecret(secret: string): string {
  return sealSecret(secret, PURPOSE, loadConfig().authSecret);
}

export function openServiceSecret(sealed: string): string {
  return openSecret(sealed, PURPOSE, loadConfig().authSecret);
}
