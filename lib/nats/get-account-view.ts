import { ensureCan, type OrgContext } from "@/lib/orgs/org-context";
import { TIER_LIMITS, type TierLimits } from "./tiers";

export type AccountView = {
  publicKey: string | null;
  status: "pending" | "active";
  error: string | null;
  pushedAt: Date | null;
  tier: string;
  limits: TierLimits;
};

/** The org's NATS account as the console shows it: identity, push status and the tier's limits. */
export function getAccountView(ctx: OrgContext): AccountView {
  ensureCan(ctx, "nats_account:read");
  const { org } = ctx;
  return { publicKey: org.natsAccount, status: org.status, error: org.natsError, pushedAt: org.natsPushedAt, tier: org.tier, limits: TIER_LIMITS[org.tier] };
}
