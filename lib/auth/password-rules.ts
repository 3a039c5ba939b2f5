// Password rules shared by the browser (live checklist while typing) and the
// server (lib/auth/check-password.ts). Pure: no Node APIs, no I/O.

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRuleId = "min_length" | "max_length" | "not_email_or_name";
export type PasswordRule = { id: PasswordRuleId; label: string; ok: boolean };
export type PasswordContext = { email?: string | null; name?: string | null };

const MIN_TERM_LENGTH = 3;
const MIN_NAME_WORD_LENGTH = 4;

/** Length in Unicode code points, so "🔑" or "é" counts as one character. */
export function passwordLength(password: string): number {
  let length = 0;
  for (const _ of password) length++;
  return length;
}

/** The lowercased strings a password must not contain: the email, its local part and the name (whole, and word by word). */
export function personalTerms({ email, name }: PasswordContext): string[] {
  const terms = new Set<string>();
  const normalizedEmail = (email ?? "").trim().toLowerCase();
  if (normalizedEmail) {
    terms.add(normalizedEmail);
    const at = normalizedEmail.lastIndexOf("@");
    const localPart = at >= 0 ? normalizedEmail.slice(0, at) : normalizedEmail;
    if (passwordLength(localPart) >= MIN_TERM_LENGTH) terms.add(localPart);
  }
  const normalizedName = (name ?? "").trim().toLowerCase().replace(/\s+/g, " ");
  if (passwordLength(normalizedName) >= MIN_TERM_LENGTH) {
    terms.add(normalizedName);
    // "Ada Lovelace" typed without the space.
    const compact = normalizedName.replace(/ /g, "");
    if (passwordLength(compact) >= MIN_TERM_LENGTH) terms.add(compact);
    for (const word of normalizedName.split(/[^\p{L}\p{N}]+/u)) {
      if (passwordLength(word) >= MIN_NAME_WORD_LENGTH) terms.add(word);
    }
  }
  return [...terms];
}

export function passwordRules(password: string, context: PasswordContext): PasswordRule[] {
  const length = passwordLength(password);
  const lowered = password.toLowerCase();
  const containsPersonal = personalTerms(context).some((term) => lowered.includes(term));
  return [
    { id: "min_length", label: `At least ${PASSWORD_MIN_LENGTH} characters`, ok: length >= PASSWORD_MIN_LENGTH },
    { id: "max_length", label: `At most ${PASSWORD_MAX_LENGTH} characters`, ok: length <= PASSWORD_MAX_LENGTH },
    { id: "not_email_or_name", label: "Doesn't contain your email address or name", ok: !containsPersonal },
  ];
}
