import type { Plan } from "./plans";

export type InvoiceLineDraft = { description: string; quantity: number; unitCents: number; amountCents: number };

/** What one period's invoice is computed from. */
export type PeriodUsage = { members: number; metered: Record<Plan["overage"][number]["metric"], number> };

const METRIC_LABELS: Record<Plan["overage"][number]["metric"], string> = { api_requests: "API requests", messages: "NATS messages (in + out)" };

const count = (n: number) => n.toLocaleString("en-US");

/**
 * An invoice's lines: the plan's base price, seats beyond those included,
 * and metered overage billed per started block beyond the included amount.
 * Pure, so the sums are unit-tested.
 */
export function buildInvoiceLines(plan: Plan, usage: PeriodUsage): { lines: InvoiceLineDraft[]; totalCents: number } {
  const lines: InvoiceLineDraft[] = [{ description: `${plan.name} plan`, quantity: 1, unitCents: plan.priceCents, amountCents: plan.priceCents }];
  const extraSeats = Math.max(0, usage.members - plan.seats.included);
  if (extraSeats && plan.seats.extraCents) {
    lines.push({
      description: `Seats beyond the ${plan.seats.included} included`,
      quantity: extraSeats,
      unitCents: plan.seats.extraCents,
      amountCents: extraSeats * plan.seats.extraCents,
    });
  }
  for (const overage of plan.overage) {
    const over = Math.max(0, (usage.metered[overage.metric] ?? 0) - overage.included);
    if (!over) continue;
    const blocks = Math.ceil(over / overage.unit);
    lines.push({
      description: `${METRIC_LABELS[overage.metric]} beyond ${count(overage.included)}: ${count(over)}, per ${count(overage.unit)}`,
      quantity: blocks,
      unitCents: overage.unitCents,
      amountCents: blocks * overage.unitCents,
    });
  }
  return { lines, totalCents: lines.reduce((sum, line) => sum + line.amountCents, 0) };
}

/** Invoice numbers: period and org, so one org's invoice for one month has exactly one number. */
export function invoiceNumber(orgId: string, periodStart: Date): string {
  const month = `${periodStart.getUTCFullYear()}${String(periodStart.getUTCMonth() + 1).padStart(2, "0")}`;
  return `INV-${month}-${orgId.replace(/-/g, "").slice(-8).toUpperCase()}`;
}
