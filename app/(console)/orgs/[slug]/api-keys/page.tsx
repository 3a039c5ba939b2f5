import type { Metadata } from "next";
import { ComingSoon } from "@/components/console/coming-soon";
import { loadConsole } from "@/lib/orgs/load-console";

export const metadata: Metadata = { title: "API keys" };

export default async function Page({ params }: { params: Promise<{ slug: string }> }) {
  const { ctx } = await loadConsole((await params).slug);
  return (
    <ComingSoon orgSlug={ctx.org.slug} orgName={ctx.org.name} title="API keys" description="Create keys with scopes for machine clients of the /api/v1 API." />
  );
}
