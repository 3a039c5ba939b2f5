import type { ReactNode } from "react";
import { AppHeader } from "@/components/console/app-header";
import { requireSession } from "@/lib/auth/current-user";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const session = await requireSession("/account/security");
  return (
    <div className="min-h-screen bg-zinc-50 dark:bg-zinc-950">
      <AppHeader email={session.user.email} />
      {!session.user.emailVerifiedAt && (
        <div className="border-b border-amber-200 bg-amber-50 px-6 py-2 text-center text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          Please verify your email address: we sent you a link when you signed up.
        </div>
      )}
      <main className="mx-auto flex max-w-5xl flex-col gap-6 px-6 py-8">{children}</main>
    </div>
  );
}
