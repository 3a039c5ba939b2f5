/**
 * Every audit action Cordon records. `recordAudit` accepts only these, so a
 * misspelt or undocumented action does not compile.
 */
export const AUDIT_ACTIONS = {
  "user.signup": "A user signed up",
  "user.email_verify": "A user verified their email address",
  "login.success": "A user signed in",
  "login.failure": "A sign-in attempt failed",
  "user.lock": "An account was locked after repeated failures",
  "user.unlock": "An account was unlocked",
  "password.change": "A user changed their password",
  "password.reset": "A user reset their password by email",
  "mfa.totp.enable": "An authenticator app was enabled",
  "mfa.totp.disable": "An authenticator app was removed",
  "mfa.recovery_code.use": "A recovery code was used to sign in",
  "mfa.recovery_codes.regenerate": "Recovery codes were regenerated",
  "passkey.add": "A passkey was registered",
  "passkey.rename": "A passkey was renamed",
  "passkey.remove": "A passkey was removed",
  "session.revoke": "A session was signed out",
  "token.issue": "API tokens were issued",
  "token.refresh_reuse": "A rotated refresh token was reused; its session was revoked",
  "token.logout": "An API session was signed out",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;
