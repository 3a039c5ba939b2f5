import Link from "next/link";
import { SystemStatus } from "@/components/system/system-status";

export default function HomePage() {
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-10 px-6 py-16">
      <header className="flex flex-col gap-4">
        <p className="font-mono text-sm tracking-wide text-emerald-700 uppercase dark:text-emerald-400">Cordon</p>
        <h1 className="text-4xl font-semibold tracking-tight">The control plane for multi-tenant NATS</h1>
        <p className="text-lg text-zinc-600 dark:text-zinc-400">
          Every organisation gets its own NATS account in operator mode: protocol-level isolation, JetStream limits by plan, its own streams, users and
          credentials, with an immutable audit trail of every change.
        </p>
        <nav aria-label="Account" className="flex gap-3">
          <Link href="/signup" className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800">
            Create an account
          </Link>
          <Link
            href="/login"
            className="rounded-md border border-zinc-300 px-4 py-2 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            Sign in
          </Link>
        </nav>
      </header>
      <SystemStatus />
    </main>
  );
}
