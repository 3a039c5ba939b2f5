import Link from "next/link";
import type { ReactNode } from "react";

/** A page's breadcrumbs, title and primary actions. */
export function PageHeader({
  orgSlug,
  orgName,
  title,
  description,
  actions,
}: {
  orgSlug: string;
  orgName: string;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500">
        <ol className="flex gap-1.5">
          <li>
            <Link href="/orgs" className="hover:underline">
              Organisations
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li>
            <Link href={`/orgs/${orgSlug}/members`} className="hover:underline">
              {orgName}
            </Link>
          </li>
          <li aria-hidden>/</li>
          <li aria-current="page">{title}</li>
        </ol>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {description && <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</p>}
        </div>
        {actions}
      </div>
    </div>
  );
}
