import { PageHeader } from "./page-header";

/** Shown instead of a section the member's roles do not allow. */
export function NoAccess({ orgSlug, orgName, title, permission }: { orgSlug: string; orgName: string; title: string; permission: string }) {
  return (
    <>
      <PageHeader orgSlug={orgSlug} orgName={orgName} title={title} />
      <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700">
        <p className="font-medium">You do not have access to this section</p>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
          It needs the <code>{permission}</code> permission. Ask an Admin of {orgName} if you need it.
        </p>
      </div>
    </>
  );
}
