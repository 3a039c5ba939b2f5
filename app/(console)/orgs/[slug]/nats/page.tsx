import type { Metadata } from "next";
import { ComingSoon } from "@/components/console/coming-soon";
import { loadConsole } from "@/lib/orgs/load-console";

export const metadata: Metadata = { title: "NATS" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { ctx } = await loadConsole((await params).slug);
  return (
    <ComingSoon
      orgSlug={ctx.org.slug}
      orgName={ctx.org.name}
      title="NATS"
      description="Your organisation's NATS account: limits, live usage, users and credentials, streams, exports and imports."
    />
  );
}
