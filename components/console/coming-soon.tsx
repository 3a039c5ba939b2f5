import { PageHeader } from "./page-header";

/** A section that is planned but not built yet: says so plainly instead of a dead link. */
export function ComingSoon({ orgSlug, orgName, title, description }: { orgSlug: string; orgName: string; title: string; description: string }) {
  return (
    <>
      <PageHeader orgSlug={orgSlug} orgName={orgName} title={title} />
      <div className="rounded-xl border border-dashed border-zinc-300 p-10 text-center dark:border-zinc-700">
        <p className="font-medium">Coming soon</p>
        <p className="mx-auto mt-1 max-w-md text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
      </div>
    </>
  );
}
