/** The numbers behind sign-in protection, in one place. */
export const LOGIN_RULES = {
  /** Consecutive failed passwords or MFA codes before the account locks. */
  maxFailures: 5,
  lockMs: 15 * 60 * 1000,
  /** Stricter than the API's 100/min: per client IP, and per email address. */
  perIp: { limit: 30, windowMs: 10 * 60 * 1000 },
  perAccount: { limit: 10, windowMs: 10 * 60 * 1000 },
  browserSessionMs: 30 * 24 * 60 * 60 * 1000,
  /** API sessions live as long as their refresh token: 7 days, renewed by each refresh. */
  apiSessionMs: 7 * 24 * 60 * 60 * 1000,
  accessTokenSeconds: 15 * 60,
  /** A session's last-seen time is written at most this often. */
  touchIntervalMs: 60 * 1000,
} as const;

export const GENERIC_LOGIN_FAILURE = "Incorrect email or password.";
export const LOCKED_MESSAGE =
  "Too many failed attempts. If this account exists it is locked for 15 minutes, and an unlock link has been sent to its email address.";
export const RATE_LIMITED_MESSAGE = "Too many sign-in attempts from here. Wait a few minutes and try again.";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
