"use client";

import { Button } from "@/components/ui/button";

/** A failure we did not expect; its details are in the server log under the digest. */
export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="rounded-xl border border-red-200 bg-red-50 p-8 dark:border-red-900 dark:bg-red-950/40">
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
        This page could not be loaded. Try again; if it keeps failing, quote reference <code>{error.digest ?? "unknown"}</code> to your administrator.
      </p>
      <Button type="button" variant="secondary" className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
