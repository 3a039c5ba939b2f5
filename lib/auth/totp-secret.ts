import { loadConfig } from "@/lib/config/config";
import { openSecret, sealSecret } from "@/lib/crypto/secret-box";

const PURPOSE = "totp-secret";

export function sealTotpSecret(secret: string): string {
  return sealSecret(secret, PURPOSE, loadConfig().authSecret);
}

export function openTotpSecret(sealed: string): string {
  return openSecret(sealed, PURPOSE, loadConfig().authSecret);
}
