import type { Metadata } from "next";
import Link from "next/link";
import { NoAccess } from "@/components/console/no-access";
import { PageHeader } from "@/components/console/page-header";
import { MemberRoleSelect } from "@/components/members/member-role-select";
import { RemoveMemberButton } from "@/components/members/remove-member-button";
import { DataTable, Th } from "@/components/ui/data-table";
import { InitialsAvatar } from "@/components/ui/initials-avatar";
import { getDb } from "@/lib/db/client";
import { listMembers, MEMBER_SORTS } from "@/lib/orgs/list-members";
import { loadConsole } from "@/lib/orgs/load-console";
import { can } from "@/lib/orgs/org-context";
import { roleOptions } from "@/lib/orgs/role-options";

export const metadata: Metadata = { title: "Members" };

type Search = { q?: string; sort?: string; dir?: string; page?: string };

const COLUMN_LABELS: Record<(typeof MEMBER_SORTS)[number], string> = { name: "Name", email: "Email", joined: "Joined" };

export default async function MembersPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<Search> }) {
  const { slug } = await params;
  const search = await searchParams;
  const { ctx } = await loadConsole(slug);
  if (!can(ctx, "members:read")) return <NoAccess orgSlug={slug} orgName={ctx.org.name} title="Members" permission="members:read" />;
  const [{ members, total, page, pages, query }, options] = await Promise.all([listMembers(getDb(), ctx, search), roleOptions(getDb(), ctx)]);
  const href = (changes: Partial<Search>) => {
    const next = new URLSearchParams({ q: query.q, sort: query.sort, dir: query.dir, page: String(page), ...changes } as Record<string, string>);
    if (!next.get("q")) next.delete("q");
    return `/orgs/${slug}/members?${next}`;
  };
  const canEdit = can(ctx, "members:write");
  const canRemove = can(ctx, "members:delete");

  return (
    <>
      <PageHeader orgSlug={slug} orgName={ctx.org.name} title="Members" description={`${total} ${total === 1 ? "member" : "members"}`} />
      <form role="search" className="flex max-w-md gap-2" action={`/orgs/${slug}/members`}>
        <label htmlFor="member-search" className="sr-only">
          Search members
        </label>
        <input
          id="member-search"
          name="q"
          type="search"
          defaultValue={query.q}
          placeholder="Search by name or email"
          className="flex-1 rounded-md border border-zinc-300 bg-white px-3 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-900"
        />
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button type="submit" className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
          Search
        </button>
      </form>
      {members.length === 0 ? (
        <p className="rounded-xl border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          {query.q ? `No member matches “${query.q}”.` : "No members yet."}
        </p>
      ) : (
        <DataTable
          caption={`Members, page ${page} of ${pages}`}
          columns={
            <>
              {MEMBER_SORTS.map((column) => {
                const active = query.sort === column;
                return (
                  <Th key={column} aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}>
                    <Link href={href({ sort: column, dir: active && query.dir === "asc" ? "desc" : "asc", page: "1" })} className="hover:underline">
                      {COLUMN_LABELS[column]}
                      {active && <span aria-hidden>{query.dir === "asc" ? " ↑" : " ↓"}</span>}
                    </Link>
                  </Th>
                );
              })}
              <Th>Role</Th>
              <Th>Teams</Th>
              <Th />
            </>
          }
        >
          {members.map((member) => (
            <tr key={member.id} data-member-email={member.email}>
              <td className="px-4 py-2">
                <div className="flex items-center gap-3">
                  <InitialsAvatar name={member.name} />
                  <div>
                    <div className="font-medium">{member.name}</div>
                    {member.jobTitle && <div className="text-xs text-zinc-500">{member.jobTitle}</div>}
                  </div>
                </div>
              </td>
              <td className="px-4 py-2">
                {member.email}
                {can(ctx, "audit:read") && (
                  <Link
                    href={`/orgs/${slug}/audit?target=${member.id}`}
                    className="ml-2 text-xs text-emerald-700 hover:underline dark:text-emerald-400"
                    aria-label={`History of ${member.name}`}
                  >
                    History
                  </Link>
                )}
              </td>
              <td className="px-4 py-2 whitespace-nowrap">{member.joinedAt.toISOString().slice(0, 10)}</td>
              <td className="px-4 py-2">
                {canEdit ? (
                  <MemberRoleSelect slug={slug} membershipId={member.id} memberName={member.name} value={member.roleValue} options={options} />
                ) : (
                  member.roleName
                )}
              </td>
              <td className="px-4 py-2 text-zinc-600 dark:text-zinc-400">{member.teams.join(", ") || "—"}</td>
              <td className="px-4 py-2 text-right">
                {canRemove && member.userId !== ctx.user.id && <RemoveMemberButton slug={slug} membershipId={member.id} memberName={member.name} />}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
        <span className="text-zinc-600 dark:text-zinc-400">
          Page {page} of {pages}
        </span>
        <span className="flex gap-2">
          {page > 1 && (
            <Link
              className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              href={href({ page: String(page - 1) })}
            >
              Previous
            </Link>
          )}
          {page < pages && (
            <Link
              className="rounded-md border border-zinc-300 px-3 py-1 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              href={href({ page: String(page + 1) })}
            >
              Next
            </Link>
          )}
        </span>
      </nav>
    </>
  );
}
