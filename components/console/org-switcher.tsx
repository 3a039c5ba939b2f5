"use client";

import { useRouter } from "next/navigation";

/** Jumps to another organisation's console, keeping the keyboard in control (a native select). */
export function OrgSwitcher({ current, orgs }: { current: string; orgs: { slug: string; name: string }[] }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Switch organisation</span>
      <select
        value={current}
        onChange={(event) => router.push(event.target.value === "__all" ? "/orgs" : `/orgs/${event.target.value}/members`)}
        className="max-w-48 rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {orgs.map((org) => (
          <option key={org.slug} value={org.slug}>
            {org.name}
          </option>
        ))}
        <option value="__all">All organisations…</option>
      </select>
    </label>
  );
}
