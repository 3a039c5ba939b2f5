// Server-side password policy: the shared rules plus the common-password list.
import { isCommonPassword } from "@/lib/auth/common-passwords";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordRules, type PasswordContext, type PasswordRuleId } from "@/lib/auth/password-rules";

export type PasswordCheck = { ok: boolean; problems: string[] };

export const COMMON_PASSWORD_PROBLEM = "This password is too common; it appears in lists of breached passwords.";

const PROBLEMS: Record<PasswordRuleId, string> = {
  min_length: `Use at least ${PASSWORD_MIN_LENGTH} characters.`,
  max_length: `Use at most ${PASSWORD_MAX_LENGTH} characters.`,
  not_email_or_name: "Don't use your email address or name in your password.",
};

export function checkPassword(password: string, context: PasswordContext): PasswordCheck {
  const problems = passwordRules(password, context)
    .filter((rule) => !rule.ok)
    .map((rule) => PROBLEMS[rule.id]);
  if (isCommonPassword(password)) problems.push(COMMON_PASSWORD_PROBLEM);
  return { ok: problems.length === 0, problems };
}
