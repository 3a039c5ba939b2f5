import { Card } from "@/components/ui/card";
import type { AccountUsage } from "@/lib/nats/get-account-usage";
import type { TierLimits } from "@/lib/nats/tiers";
import { amount } from "./amount";

/** One figure against its limit: text for everyone, plus a bar exposed as a meter. */
function UsageMeter({ label, used, limit, unit }: { label: string; used: number; limit: number; unit: "bytes" | "count" }) {
  const id = `usage-${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const text = limit === 0 ? `${amount(used, unit)} (not in your plan)` : `${amount(used, unit)} of ${limit === -1 ? "unlimited" : amount(limit, unit)}`;
  const share = limit > 0 ? Math.min(1, used / limit) : 0;
  const tone = share >= 1 ? "bg-red-600" : share >= 0.8 ? "bg-amber-500" : "bg-emerald-600";
  return (
    <div className="flex flex-col gap-1">
      <div className="flex justify-between gap-4 text-sm">
        <span id={id} className="text-zinc-600 dark:text-zinc-400">
          {label}
        </span>
        <span>{text}</span>
      </div>
      {limit > 0 && (
        <div
          role="meter"
          aria-labelledby={id}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={Math.min(used, limit)}
          aria-valuetext={text}
          className="h-2 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
        >
          <div className={`h-full ${tone}`} style={{ width: `${share * 100}%` }} />
        </div>
      )}
    </div>
  );
}

/** The account's live usage against its plan's limits, or why it cannot be shown. */
export function UsageCard({ usage, limits }: { usage: AccountUsage; limits: TierLimits }) {
  if (!usage.available) {
    return (
      <Card title="Usage">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Usage unavailable: {usage.reason}.</p>
      </Card>
    );
  }
  const facts: [string, string][] = [
    ["Subscriptions", `${amount(usage.subscriptions, "count")} (limit ${amount(limits.account.subs, "count")} per connection)`],
    ["Messages in / out", `${amount(usage.messages.in, "count")} / ${amount(usage.messages.out, "count")}`],
    ["Data in / out", `${amount(usage.bytes.in, "bytes")} / ${amount(usage.bytes.out, "bytes")}`],
    ["Slow consumers", amount(usage.slowConsumers, "count")],
  ];
  return (
    <Card title="Usage" description="Live from the NATS servers. Messages and data are counted since the server loaded the account.">
      <div className="flex max-w-xl flex-col gap-3">
        <UsageMeter label="Connections" used={usage.connections} limit={limits.account.conn} unit="count" />
        <UsageMeter label="Leaf nodes" used={usage.leafNodes} limit={limits.account.leaf} unit="count" />
        {usage.jetStream ? (
          <>
            <UsageMeter label="JetStream memory" used={usage.jetStream.memory} limit={limits.jetStream.mem_storage} unit="bytes" />
            <UsageMeter label="JetStream disk" used={usage.jetStream.storage} limit={limits.jetStream.disk_storage} unit="bytes" />
            <UsageMeter label="Streams" used={usage.jetStream.streams} limit={limits.jetStream.streams} unit="count" />
            <UsageMeter label="Consumers" used={usage.jetStream.consumers} limit={limits.jetStream.consumer} unit="count" />
          </>
        ) : (
          <p className="text-sm text-zinc-600 dark:text-zinc-400">JetStream is not enabled for this account.</p>
        )}
        <dl className="mt-2 grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  );
}
