import Link from "next/link";
import type { ReactNode } from "react";
import { signOutAction } from "@/app/account/security/actions";
import { Button } from "@/components/ui/button";

/** The top bar of every signed-in page: home, optional org switcher, the user's menu. */
export function AppHeader({ email, children }: { email: string; children?: ReactNode }) {
  return (
    <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-4 px-4 py-2.5 md:px-6">
        <div className="flex min-w-0 items-center gap-4">
          <Link href="/orgs" className="font-mono text-sm tracking-wide text-emerald-700 uppercase dark:text-emerald-400">
            Cordon
          </Link>
          {children}
        </div>
        <nav aria-label="Account" className="flex items-center gap-3 text-sm">
          <span className="hidden text-zinc-600 sm:inline dark:text-zinc-400">{email}</span>
          <Link href="/docs/api" className="rounded-md px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
            API
          </Link>
          <Link href="/account/security" className="rounded-md px-2 py-1 hover:bg-zinc-100 dark:hover:bg-zinc-800">
            Security
          </Link>
          <form action={signOutAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        </nav>
      </div>
    </header>
  );
}
