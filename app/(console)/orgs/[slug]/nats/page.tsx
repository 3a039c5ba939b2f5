import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/console/no-access";
import { amount } from "@/components/nats/amount";
import { UsageCard } from "@/components/nats/usage-card";
import { PageHeader } from "@/components/console/page-header";
import { NatsTabs } from "@/components/nats/nats-tabs";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { natsRuntime } from "@/lib/boot/boot-state";
import { getAccountUsage } from "@/lib/nats/get-account-usage";
import { getAccountView } from "@/lib/nats/get-account-view";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";

export const metadata: Metadata = { title: "NATS" };

export default async function NatsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "nats_account:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="NATS" permission="nats_account:read" />;
  const account = getAccountView(ctx);
  const usage = await getAccountUsage(natsRuntime(), account.publicKey);
  const rows: [string, string][] = [
    ["Connections", amount(account.limits.account.conn, "count")],
    ["Subscriptions", amount(account.limits.account.subs, "count")],
    ["Message payload", amount(account.limits.account.payload, "bytes")],
    ["Leaf nodes", amount(account.limits.account.leaf, "count")],
    ["Imports / exports", `${amount(account.limits.account.imports, "count")} / ${amount(account.limits.account.exports, "count")}`],
    ["JetStream memory", amount(account.limits.jetStream.mem_storage, "bytes")],
    ["JetStream disk", amount(account.limits.jetStream.disk_storage, "bytes")],
    ["Streams", amount(account.limits.jetStream.streams, "count")],
    ["Consumers", amount(account.limits.jetStream.consumer, "count")],
  ];
  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title="NATS"
        description="Your organisation's own NATS account: isolated at the protocol level, with limits from your plan."
      />
      <NatsTabs orgSlug={slug} current="account" />
      {account.status === "pending" && (
        <Notice tone={account.error ? "error" : "info"}>
          {account.error
            ? `The account is not on the NATS servers yet: ${account.error}. Cordon retries automatically.`
            : "The account is being created on the NATS servers. This takes a moment."}
        </Notice>
      )}
      {account.status === "active" && account.error && (
        <Notice tone="error">The latest change has not reached the NATS servers yet: {account.error}. Cordon retries automatically.</Notice>
      )}
      <Card title="Account">
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="text-zinc-600 dark:text-zinc-400">Status</dt>
          <dd className={account.status === "active" ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}>
            {account.status === "active" ? "Active" : "Pending"}
          </dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Public key</dt>
          <dd className="font-mono text-xs break-all">{account.publicKey ?? "Not created yet"}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Plan</dt>
          <dd className="capitalize">{account.tier}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">Last pushed</dt>
          <dd>{account.pushedAt ? `${account.pushedAt.toISOString().replace("T", " ").slice(0, 19)} UTC` : "Never"}</dd>
        </dl>
      </Card>
      <UsageCard usage={usage} limits={account.limits} />
      <Card title="Limits" description="Enforced by the NATS servers themselves; a plan change applies at once, with no restart.">
        <table className="w-full max-w-xl text-sm">
          <caption className="sr-only">Account limits</caption>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row" className="py-1.5 text-left font-normal text-zinc-600 dark:text-zinc-400">
                  {label}
                </th>
                <td className="py-1.5 text-right">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      {can(ctx, "billing:read") && (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Limits follow the plan; a plan change reaches the NATS servers at once, with no restart.{" "}
          <Link className="underline" href={`/orgs/${slug}/billing`}>
            Plans and billing
          </Link>
        </p>
      )}
    </>
  );
}
