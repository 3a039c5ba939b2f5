"use client";

import { useQuery } from "@tanstack/react-query";

type ReadyResponse = { status: "ready" | "not_ready"; checks: Record<string, string> };

const LABELS: Record<string, string> = { database: "Database", nats: "NATS system account", reconcile: "Boot reconcile" };

async function fetchReadiness(): Promise<ReadyResponse> {
  const response = await fetch("/api/ready", { cache: "no-store" });
  if (response.status !== 200 && response.status !== 503) throw new Error(`Status check failed (${response.status})`);
  return response.json();
}

/** Live readiness of the server's parts, polled every few seconds. */
export function SystemStatus() {
  const { data, error, isPending } = useQuery({ queryKey: ["readiness"], queryFn: fetchReadiness, refetchInterval: 5_000 });

  return (
    <section aria-labelledby="system-status-heading" className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
      <div className="flex items-center justify-between">
        <h2 id="system-status-heading" className="text-sm font-semibold">
          System status
        </h2>
        {data && (
          <span
            className={`rounded-full px-2.5 py-0.5 text-xs font-medium ${
              data.status === "ready"
                ? "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300"
                : "bg-amber-100 text-amber-800 dark:bg-amber-900/40 dark:text-amber-300"
            }`}
          >
            {data.status === "ready" ? "All systems ready" : "Starting up"}
          </span>
        )}
      </div>
      {isPending && <p className="mt-3 text-sm text-zinc-500">Checking…</p>}
      {error && (
        <p role="status" className="mt-3 text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      )}
      {data && (
        <dl className="mt-3 divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
          {Object.entries(data.checks).map(([part, state]) => (
            <div key={part} className="flex justify-between gap-4 py-2">
              <dt className="text-zinc-600 dark:text-zinc-400">{LABELS[part] ?? part}</dt>
              <dd className={state === "ok" ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}>
                {state === "ok" ? "Operational" : state}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
