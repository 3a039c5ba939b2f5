import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { Card } from "@/components/ui/card";
import { listApiKeys } from "@/lib/api-keys/list-api-keys";
import { canRevokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { getDb } from "@/lib/db/client";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";
import { sortPermissions } from "@/lib/rbac/permissions";

export const metadata: Metadata = { title: "API keys" };

const PAGE_LINK = "rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

export default async function ApiKeysPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ page?: string }> }) {
  const { slug } = await params;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "api_keys:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="API keys" permission="api_keys:read" />;
  const { keys, total, page, pages } = await listApiKeys(getDb(), ctx, { page: (await searchParams).page });
  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title="API keys"
        description="Keys for machine clients of the /api/v1 API. A key can do what its scopes allow, and never more than the member who created it."
      />
      {can(ctx, "api_keys:write") && (
        <Card title="Create an API key" description="The key is shown once, right after you create it.">
          <CreateApiKeyForm slug={slug} grantable={sortPermissions(ctx.permissions)} />
        </Card>
      )}
      {total === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No API keys yet.
        </p>
      ) : (
        <>
          <ApiKeysTable slug={slug} keys={keys} canRevoke={(key) => canRevokeApiKey(ctx, { createdById: key.createdBy?.id ?? null })} />
          {pages > 1 && (
            <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
              <span className="text-zinc-600 dark:text-zinc-400">
                Page {page} of {pages}
              </span>
              <span className="flex gap-2">
                {page > 1 && (
                  <Link className={PAGE_LINK} href={`/orgs/${slug}/api-keys?page=${page - 1}`}>
                    Newer
                  </Link>
                )}
                {page < pages && (
                  <Link className={PAGE_LINK} href={`/orgs/${slug}/api-keys?page=${page + 1}`}>
                    Older
                  </Link>
                )}
              </span>
            </nav>
          )}
        </>
      )}
    </>
  );
}
