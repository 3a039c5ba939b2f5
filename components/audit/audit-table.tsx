"use client";

import { useEffect, useRef, useState } from "react";
import { DataTable, Th } from "@/components/ui/data-table";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { AuditEventView } from "@/lib/audit/audit-event-view";
import { detailDiff } from "./detail-diff";

/** Times in UTC, the same on the server and in the browser. */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;

const who = (event: AuditEventView) => event.actor.label ?? event.actor.id ?? event.actor.type;

function OutcomeBadge({ outcome }: { outcome: string }) {
  const tone =
    outcome === "failure"
      ? "bg-red-50 text-red-800 dark:bg-red-950/50 dark:text-red-300"
      : "bg-emerald-50 text-emerald-800 dark:bg-emerald-950/50 dark:text-emerald-300";
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${tone}`}>{outcome}</span>;
}

/**
 * The events table and its detail panel: a modal <dialog> (focus stays inside,
 * Escape closes it, focus returns to the row's button) with the event's
 * fields, a before/after comparison when the detail has one, and the raw JSON.
 */
export function AuditTable({ events, caption }: { events: AuditEventView[]; caption: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const [selected, setSelected] = useState<AuditEventView | null>(null);

  useEffect(() => {
    if (selected && !dialog.current?.open) dialog.current?.showModal();
  }, [selected]);

  const diff = selected ? detailDiff(selected.detail) : null;
  return (
    <>
      <DataTable
        caption={caption}
        columns={
          <>
            <Th>Time</Th>
            <Th>Actor</Th>
            <Th>Action</Th>
            <Th>Target</Th>
            <Th>Outcome</Th>
            <Th />
          </>
        }
      >
        {events.map((event) => (
          <tr key={event.id} data-action={event.action}>
            <td className="px-4 py-2 whitespace-nowrap text-zinc-600 dark:text-zinc-400">
              <time dateTime={event.time}>{utc(event.time)}</time>
            </td>
            <td className="max-w-56 truncate px-4 py-2" title={who(event)}>
              {who(event)}
              {event.actor.type !== "user" && <span className="ml-1 text-xs text-zinc-500">({event.actor.type})</span>}
            </td>
            <td className="px-4 py-2">
              <code className="text-xs">{event.action}</code>
            </td>
            <td className="max-w-56 truncate px-4 py-2" title={event.target?.label ?? event.target?.id ?? undefined}>
              {event.target ? (
                <>
                  <span className="text-xs text-zinc-500">{event.target.type}</span> {event.target.label ?? event.target.id}
                </>
              ) : (
                "—"
              )}
            </td>
            <td className="px-4 py-2">
              <OutcomeBadge outcome={event.outcome} />
            </td>
            <td className="px-4 py-2 text-right">
              <button
                type="button"
                aria-label={`Details of ${event.action} at ${utc(event.time)}`}
                aria-haspopup="dialog"
                className="rounded-md border border-zinc-300 px-2.5 py-1 text-xs hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
                onClick={(e) => {
                  opener.current = e.currentTarget;
                  setSelected(event);
                }}
              >
                Details
              </button>
            </td>
          </tr>
        ))}
      </DataTable>

      <dialog
        ref={dialog}
        aria-labelledby="audit-detail-title"
        onClose={() => {
          setSelected(null);
          opener.current?.focus();
        }}
        className="m-0 ml-auto h-dvh max-h-dvh w-full max-w-xl overflow-y-auto border-l border-zinc-200 bg-white p-0 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {selected && (
          <div className="flex flex-col gap-5 p-5">
            <div className="flex items-start justify-between gap-3">
              <div>
                <h2 id="audit-detail-title" className="font-mono text-lg font-semibold">
                  {selected.action}
                </h2>
                <p className="text-sm text-zinc-600 dark:text-zinc-400">{AUDIT_ACTIONS[selected.action as keyof typeof AUDIT_ACTIONS] ?? ""}</p>
              </div>
              <button
                type="button"
                autoFocus
                onClick={() => dialog.current?.close()}
                className="rounded-md border border-zinc-300 px-2.5 py-1 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800"
              >
                Close
              </button>
            </div>

            <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">
              {(
                [
                  ["Time", utc(selected.time)],
                  ["Actor", `${who(selected)} (${selected.actor.type}${selected.actor.id ? `, ${selected.actor.id}` : ""})`],
                  [
                    "Target",
                    selected.target ? `${selected.target.type}: ${selected.target.label ?? ""}${selected.target.id ? ` (${selected.target.id})` : ""}` : "—",
                  ],
                  ["Outcome", selected.outcome],
                  ["IP", selected.ip ?? "—"],
                  ["User agent", selected.userAgent ?? "—"],
                  ["Request id", selected.requestId ?? "—"],
                  ["Chain", `#${selected.seq}, hash ${selected.hash.slice(0, 16)}…`],
                ] as const
              ).map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-zinc-500">{label}</dt>
                  <dd className="break-all">{value}</dd>
                </div>
              ))}
            </dl>

            {diff && (
              <section aria-labelledby="audit-diff-title">
                <h3 id="audit-diff-title" className="mb-2 text-sm font-semibold">
                  Changes
                </h3>
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Before and after</caption>
                  <thead className="text-xs text-zinc-500 uppercase">
                    <tr>
                      <th scope="col" className="py-1 pr-3">
                        Field
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        Before
                      </th>
                      <th scope="col" className="py-1">
                        After
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {diff.map((row) => (
                      <tr key={row.field} className={row.changed ? "bg-amber-50 dark:bg-amber-950/40" : ""}>
                        <th scope="row" className="py-1 pr-3 font-mono text-xs font-normal">
                          {row.field}
                          {row.changed && <span className="sr-only"> (changed)</span>}
                        </th>
                        <td className="py-1 pr-3 break-all">{row.changed ? <del>{row.before}</del> : row.before}</td>
                        <td className="py-1 break-all">{row.changed ? <ins className="no-underline">{row.after}</ins> : row.after}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            )}

            <section aria-labelledby="audit-json-title">
              <h3 id="audit-json-title" className="mb-2 text-sm font-semibold">
                Detail (JSON)
              </h3>
              <pre tabIndex={0} className="overflow-x-auto rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-950">
                {JSON.stringify(selected.detail, null, 2)}
              </pre>
            </section>
          </div>
        )}
      </dialog>
    </>
  );
}
