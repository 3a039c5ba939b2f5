import type { Metadata } from "next";
import Link from "next/link";
import { AuditTable } from "@/components/audit/audit-table";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { Notice } from "@/components/ui/notice";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { AUDIT_ACTION_GROUPS, type AuditFilter } from "@/lib/audit/audit-filter";
import { listAuditEvents } from "@/lib/audit/list-audit-events";
import { getDb } from "@/lib/db/client";
import { DomainError } from "@/lib/errors/domain-errors";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";

export const metadata: Metadata = { title: "Audit" };

type Search = Partial<Record<keyof AuditFilter | "cursor", string | string[]>>;

const FILTER_KEYS = ["actor", "action", "target", "outcome", "from", "to", "q"] as const;
const INPUT = "rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900";
const LINK_BUTTON = "rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";

/** The filters as they came in (first value of each), to refill the form and carry into page and export links. */
function filterParams(search: Search): Record<string, string> {
  const values = FILTER_KEYS.map((key) => [key, [search[key]].flat()[0]?.trim() ?? ""] as const);
  return Object.fromEntries(values.filter(([, value]) => value));
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const search = await searchParams;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "audit:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Audit" permission="audit:read" />;

  const filters = filterParams(search);
  const cursor = [search.cursor].flat()[0];
  let page: Awaited<ReturnType<typeof listAuditEvents>> | null = null;
  let problem: string | null = null;
  try {
    page = await listAuditEvents(getDb(), ctx, { ...filters, ...(cursor ? { cursor } : {}) });
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    problem = error.message;
  }
  const base = `/orgs/${slug}/audit`;
  const href = (extra: Record<string, string> = {}) => {
    const query = new URLSearchParams({ ...filters, ...extra }).toString();
    return query ? `${base}?${query}` : base;
  };
  const exportHref = (format: "csv" | "ndjson") => `/api/v1/orgs/${slug}/audit/export?${new URLSearchParams({ ...filters, format })}`;
  const filtered = Object.keys(filters).length > 0;

  return (
    <>
      <PageHeader
        orgSlug={slug}
        orgName={ctx.org.name}
        title="Audit"
        description="Every change in this organisation: who, what, when and from where. Events cannot be changed or deleted, and each is chained to the one before by its hash."
        actions={
          can(ctx, "audit:export") && (
            <div className="flex gap-2">
              <a className={LINK_BUTTON} href={exportHref("csv")} download>
                Export CSV
              </a>
              <a className={LINK_BUTTON} href={exportHref("ndjson")} download>
                Export NDJSON
              </a>
            </div>
          )
        }
      />

      <form role="search" aria-label="Filter events" action={base} className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <label className="flex flex-col gap-1 text-xs font-medium">
          Actor
          <input name="actor" defaultValue={filters.actor} placeholder="Email, key name or id" className={INPUT} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Action
          <select name="action" defaultValue={filters.action ?? ""} className={INPUT}>
            <option value="">All actions</option>
            <optgroup label="Groups">
              {AUDIT_ACTION_GROUPS.map((group) => (
                <option key={group} value={group}>
                  {group}
                </option>
              ))}
            </optgroup>
            <optgroup label="Actions">
              {Object.keys(AUDIT_ACTIONS)
                .sort()
                .map((action) => (
                  <option key={action} value={action}>
                    {action}
                  </option>
                ))}
            </optgroup>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Target
          <input name="target" defaultValue={filters.target} placeholder="Name, email or id" className={INPUT} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Outcome
          <select name="outcome" defaultValue={filters.outcome ?? ""} className={INPUT}>
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
          </select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          From (UTC)
          <input name="from" type="date" defaultValue={filters.from} className={INPUT} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          To (UTC, inclusive)
          <input name="to" type="date" defaultValue={filters.to} className={INPUT} />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium">
          Text
          <input name="q" type="search" defaultValue={filters.q} placeholder="Anywhere in the event" className={INPUT} />
        </label>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded-md bg-emerald-700 px-3.5 py-1.5 text-sm font-medium text-white hover:bg-emerald-800 dark:bg-emerald-600">
            Apply filters
          </button>
          {filtered && (
            <Link className={LINK_BUTTON} href={base}>
              Clear
            </Link>
          )}
        </div>
      </form>

      {problem && <Notice tone="error">{problem}</Notice>}
      {page && page.events.length === 0 && (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {filtered ? "No event matches these filters." : "No events yet."}
        </p>
      )}
      {page && page.events.length > 0 && (
        <>
          <AuditTable events={page.events} caption={filtered ? "Audit events matching the filters, newest first" : "Audit events, newest first"} />
          <nav aria-label="Pagination" className="flex items-center justify-end gap-2 text-sm">
            {cursor && (
              <Link className={LINK_BUTTON} href={href()}>
                Newest
              </Link>
            )}
            {page.prevCursor && (
              <Link className={LINK_BUTTON} href={href({ cursor: page.prevCursor })}>
                Newer
              </Link>
            )}
            {page.nextCursor && (
              <Link className={LINK_BUTTON} href={href({ cursor: page.nextCursor })}>
                Older
              </Link>
            )}
          </nav>
        </>
      )}
    </>
  );
}
