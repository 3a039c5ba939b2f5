import Link from "next/link";

const TABS = [
  { key: "account", label: "Account", path: "" },
  { key: "users", label: "Users", path: "/users" },
  { key: "devices", label: "Devices", path: "/devices" },
  { key: "streams", label: "Streams", path: "/streams" },
] as const;

/** The NATS section's pages; the current one is marked for screen readers too (aria-current). */
export function NatsTabs({ orgSlug, current }: { orgSlug: string; current: (typeof TABS)[number]["key"] }) {
  return (
    <nav aria-label="NATS" className="flex gap-1 border-b border-zinc-200 dark:border-zinc-800">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={`/orgs/${orgSlug}/nats${tab.path}`}
          aria-current={tab.key === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-emerald-700 ${
            tab.key === current
              ? "border-emerald-700 font-medium text-emerald-800 dark:border-emerald-400 dark:text-emerald-300"
              : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
          }`}
        >
          {tab.label}
        </Link>
      ))}
    </nav>
  );
}
