/**
 * Pure rules shared by the invite use cases: an invite's status, the failures
 * an unusable invite reports, expiry and links. No database here.
 */
import type { Invite } from "@/generated/prisma/client";
import { DomainError } from "@/lib/errors/domain-errors";

/** "accepted" is a used email invite; a link that ran out of uses is "used_up". */
export type InviteStatus = "active" | "expired" | "used_up" | "revoked" | "accepted";

/** Why an invite cannot be accepted, as the public accept page names it. */
export type InviteUnavailableReason = "expired" | "used_up" | "revoked" | "unknown" | "org_deleted";

export const EMAIL_INVITE_DAYS = 7;
export const LINK_INVITE_DEFAULTS = { expiresInDays: 7, maxUses: 25 } as const;
export const LINK_INVITE_LIMITS = { expiresInDays: { min: 1, max: 30 }, maxUses: { min: 1, max: 1000 } } as const;

const DAY_MS = 24 * 60 * 60 * 1000;

export const WRONG_EMAIL = "This invite was sent to another email address.";

type StatusColumns = Pick<Invite, "kind" | "expiresAt" | "maxUses" | "usedCount" | "revokedAt">;

/** Revoked wins over everything, then used (accepted / used up), then expired. */
export function inviteStatus(invite: StatusColumns, now: Date = new Date()): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.usedCount >= invite.maxUses) return invite.kind === "email" ? "accepted" : "used_up";
  if (invite.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

/** The status as the accept page shows it: an accepted email invite is simply used up. */
export function unavailableReason(status: Exclude<InviteStatus, "active">): InviteUnavailableReason {
  return status === "accepted" ? "used_up" : status;
}

const UNAVAILABLE_MESSAGES: Record<InviteUnavailableReason, string> = {
  unknown: "This invite link is not valid. Check the link, or ask for a new invite.",
  org_deleted: "The organisation behind this invite no longer exists.",
  expired: "This invite has expired. Ask for a new one.",
  used_up: "This invite has already been used. Ask for a new one.",
  revoked: "This invite was revoked. Ask for a new one.",
};

/** An invite that cannot be accepted; `reason` says why (404 when it does not exist, 409 otherwise). */
export class InviteUnavailableError extends DomainError {
  constructor(readonly reason: InviteUnavailableReason) {
    super(UNAVAILABLE_MESSAGES[reason], reason === "unknown" || reason === "org_deleted" ? 404 : 409);
  }
}

export function inviteExpiry(days: number, now: Date = new Date()): Date {
  return new Date(now.getTime() + days * DAY_MS);
}

export function inviteLink(origin: string, token: string): string {
  return `${origin}/invite/${token}`;
}

/** Case-insensitive, ignoring surrounding whitespace, like stored emails. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
