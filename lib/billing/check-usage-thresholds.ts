import type { Org } from "@/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Db } from "@/lib/db/client";
import { deliverEmail, queueEmail } from "@/lib/mail/send-email";
import { formatBytes } from "@/lib/streams/format-bytes";
import { periodContaining } from "./billing-period";
import { PLANS, type Plan } from "./plans";
import type { GaugeMetric } from "./usage-metrics";

export const THRESHOLDS = [80, 100] as const;

export type LimitReached = { metric: GaugeMetric; threshold: (typeof THRESHOLDS)[number]; value: number; limit: number };

/** The limits each watched gauge is held against. */
export function limitOf(plan: Plan, metric: GaugeMetric): number {
  switch (metric) {
    case "connections":
      return plan.nats.account.conn;
    case "storage_bytes":
      return plan.nats.jetStream.disk_storage;
    case "memory_bytes":
      return plan.nats.jetStream.mem_storage;
    case "streams":
      return plan.nats.jetStream.streams;
  }
}

export const METRIC_NAMES: Record<GaugeMetric, string> = {
  connections: "connections",
  storage_bytes: "stream file storage",
  memory_bytes: "stream memory storage",
  streams: "streams",
};

export function describeAmount(metric: GaugeMetric, value: number): string {
  return metric.endsWith("_bytes") ? formatBytes(value) : value.toLocaleString("en-US");
}

/** Every threshold the sampled gauges reach (unlimited limits never). Pure. */
export function reachedThresholds(plan: Plan, gauges: Partial<Record<GaugeMetric, number>>): LimitReached[] {
  const reached: LimitReached[] = [];
  for (const [metric, value] of Object.entries(gauges) as [GaugeMetric, number][]) {
    const limit = limitOf(plan, metric);
    if (limit <= 0) continue;
    for (const threshold of THRESHOLDS) if (value * 100 >= limit * threshold) reached.push({ metric, threshold, value, limit });
  }
  return reached;
}

/**
 * Tells the org's admins, once per billing period and threshold, that usage
 * reached 80% or 100% of a plan limit: an alert row (the in-app banner), an
 * email to each admin and an audit event, all in one transaction. The alert's
 * unique key makes "once" hold across samples and concurrent samplers.
 */
export async function checkUsageThresholds(
  db: Db,
  org: Pick<Org, "id" | "name" | "slug" | "tier">,
  gauges: Partial<Record<GaugeMetric, number>>,
  now = new Date(),
) {
  const plan = PLANS[org.tier];
  const reached = reachedThresholds(plan, gauges);
  if (!reached.length) return [];
  const periodStart = periodContaining(now).start;
  const emailIds = await db.$transaction(async (tx) => {
    const fresh: LimitReached[] = [];
    for (const hit of reached) {
      const { count } = await tx.usageAlert.createMany({
        data: [{ orgId: org.id, metric: hit.metric, threshold: hit.threshold, periodStart, value: BigInt(hit.value), limit: BigInt(hit.limit) }],
        skipDuplicates: true,
      });
      if (!count) continue;
      fresh.push(hit);
      await recordAudit(tx, {
        action: "usage.threshold",
        actor: { type: "system", label: "billing" },
        orgId: org.id,
        target: { type: "org", id: org.id, label: org.slug },
        detail: { metric: hit.metric, threshold: hit.threshold, value: hit.value, limit: hit.limit, plan: plan.tier },
      });
    }
    if (!fresh.length) return [];
    const admins = await tx.membership.findMany({ where: { orgId: org.id, role: "admin" }, select: { user: { select: { email: true } } } });
    const lines = fresh.map(
      (hit) => `- ${METRIC_NAMES[hit.metric]}: ${describeAmount(hit.metric, hit.value)} of ${describeAmount(hit.metric, hit.limit)} (${hit.threshold}%)`,
    );
    const top = Math.max(...fresh.map((hit) => hit.threshold));
    return Promise.all(
      admins.map(({ user }) =>
        queueEmail(tx, {
          to: user.email,
          subject: `${org.name} reached ${top}% of a ${plan.name} plan limit`,
          text:
            `${org.name} on Cordon reached these limits of its ${plan.name} plan:\n\n${lines.join("\n")}\n\n` +
            (top >= 100 ? "At 100% the NATS servers refuse more. " : "") +
            `Reduce usage or upgrade on the Billing page: /orgs/${org.slug}/billing`,
        }),
      ),
    );
  });
  for (const id of emailIds) await deliverEmail(db, id);
  return emailIds;
}
