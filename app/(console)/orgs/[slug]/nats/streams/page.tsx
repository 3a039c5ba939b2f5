import type { Metadata } from "next";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { NatsTabs } from "@/components/nats/nats-tabs";
import { StreamForm } from "@/components/streams/stream-form";
import { StreamTable } from "@/components/streams/stream-table";
import { Card } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { natsRuntime } from "@/lib/boot/boot-state";
import { DomainError } from "@/lib/errors/domain-errors";
import { TIER_LIMITS } from "@/lib/nats/tiers";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";
import { planName } from "@/lib/streams/ensure-within-plan";
import { formatBytes } from "@/lib/streams/format-bytes";
import { listStreams } from "@/lib/streams/list-streams";
import { createStreamAction } from "./actions";

export const metadata: Metadata = { title: "Streams" };

export default async function StreamsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "nats_streams:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Streams" permission="nats_streams:read" />;
  // NATS not connected, or the account not pushed yet: a notice with the reason instead of the table.
  const listing = await listStreams(natsRuntime(), ctx).then(
    (streams) => ({ streams, notice: null }),
    (error: unknown) => {
      if (error instanceof DomainError) return { streams: null, notice: error.message };
      throw error;
    },
  );
  const limits = TIER_LIMITS[ctx.org.tier].jetStream;
  const canWrite = can(ctx, "nats_streams:write");
  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title="Streams"
        description={`JetStream streams in your organisation's NATS account. The ${planName(ctx.org.tier)} plan allows ${limits.streams === -1 ? "any number of" : limits.streams} streams and ${formatBytes(limits.disk_storage)} of file storage.`}
      />
      <NatsTabs orgSlug={slug} current="streams" />
      {listing.notice !== null ? (
        <Notice tone="error">{listing.notice}</Notice>
      ) : listing.streams.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No streams yet. The system streams appear once your account is set up.
        </p>
      ) : (
        <StreamTable slug={slug} streams={listing.streams} canWrite={canWrite} canDelete={can(ctx, "nats_streams:delete")} />
      )}
      {canWrite && listing.streams && (
        <Card title="Create a stream" description="Messages published to its subjects are stored, within your plan's limits.">
          <StreamForm action={createStreamAction.bind(null, slug)} submitLabel="Create stream" />
        </Card>
      )}
    </>
  );
}
