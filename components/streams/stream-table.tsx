"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteStreamAction, purgeStreamAction, updateStreamAction } from "@/app/(console)/orgs/[slug]/nats/streams/actions";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DataTable, Th } from "@/components/ui/data-table";
import { Notice } from "@/components/ui/notice";
import { formatBytes } from "@/lib/streams/format-bytes";
import type { StreamSummary } from "@/lib/streams/list-streams";
import { StreamForm, type StreamFormValues } from "./stream-form";

const MB = 1024 * 1024;
const KB = 1024;
const HOUR = 3600;
const DAY = 24 * HOUR;

function formatAge(seconds: number): string {
  if (seconds === 0) return "no max age";
  if (seconds % DAY === 0) return `${seconds / DAY} d`;
  if (seconds >= HOUR) return `${Number((seconds / HOUR).toFixed(1))} h`;
  return `${Math.max(1, Math.round(seconds / 60))} min`;
}

/** UTC, so the server's and the browser's rendering agree. */
function formatTime(date: Date): string {
  return `${date.toISOString().replace("T", " ").slice(0, 16)} UTC`;
}

/** A stream's settings as the edit form shows them (exact: a save without changes changes nothing). */
function formValues(stream: StreamSummary): StreamFormValues {
  return {
    name: stream.name,
    subjects: stream.subjects.join(", "),
    storage: stream.storage,
    maxMegabytes: stream.maxBytes > 0 ? String(stream.maxBytes / MB) : "",
    maxAgeHours: stream.maxAgeSeconds > 0 ? String(stream.maxAgeSeconds / HOUR) : "",
    maxMessageKilobytes: stream.maxMsgSize > 0 ? String(stream.maxMsgSize / KB) : "",
  };
}

const COLUMNS = 8;

function StreamRow({ slug, stream, canWrite, canDelete }: { slug: string; stream: StreamSummary; canWrite: boolean; canDelete: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const purge = useMutation({ mutationFn: () => purgeStreamAction(slug, stream.name), onSuccess: (r) => r.ok && router.refresh() });
  const remove = useMutation({ mutationFn: () => deleteStreamAction(slug, stream.name), onSuccess: (r) => r.ok && router.refresh() });
  const failure = [purge.data, remove.data].find((result) => result && !result.ok);
  const editId = `edit-stream-${stream.name}`;
  return (
    <>
      <tr className="align-top">
        <td className="px-4 py-3">
          <span className="font-medium">{stream.name}</span>
          {stream.system && (
            <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] tracking-wide text-zinc-700 uppercase dark:bg-zinc-800 dark:text-zinc-300">
              System
            </span>
          )}
        </td>
        <td className="px-4 py-3 font-mono text-xs whitespace-nowrap">
          {stream.subjects.map((subject) => (
            <span key={subject} className="block">
              {subject}
            </span>
          ))}
        </td>
        <td className="px-4 py-3 text-right tabular-nums">{stream.messages.toLocaleString("en")}</td>
        <td className="px-4 py-3 text-right whitespace-nowrap tabular-nums">
          {formatBytes(stream.bytes)}
          {stream.maxBytes > 0 && <span className="text-zinc-500"> of {formatBytes(stream.maxBytes)}</span>}
        </td>
        <td className="px-4 py-3 text-right tabular-nums">{stream.consumers}</td>
        <td className="px-4 py-3 whitespace-nowrap">
          {stream.lastActivity ? formatTime(stream.lastActivity) : <span className="text-zinc-500">No messages yet</span>}
        </td>
        <td className="px-4 py-3 text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
          {stream.storage}, {formatAge(stream.maxAgeSeconds)}
          {stream.maxMsgSize > 0 && `, ≤ ${formatBytes(stream.maxMsgSize)} each`}
        </td>
        <td className="px-4 py-3">
          <div className="flex justify-end gap-2 whitespace-nowrap">
            {canWrite && !stream.system && (
              <Button type="button" variant="secondary" aria-expanded={editing} aria-controls={editId} onClick={() => setEditing(!editing)}>
                {editing ? "Close" : "Edit"}
                <span className="sr-only"> {stream.name}</span>
              </Button>
            )}
            {canDelete && (
              <ConfirmButton
                // A new key after each purge puts the button back to "Purge": the stream stays, unlike a deleted one.
                key={purge.submittedAt}
                label={`Purge all messages of ${stream.name}`}
                confirmLabel={`Purge ${stream.name}`}
                pending={purge.isPending}
                onConfirm={() => purge.mutate()}
              >
                Purge
              </ConfirmButton>
            )}
            {canDelete && !stream.system && (
              <ConfirmButton
                label={`Delete stream ${stream.name}`}
                confirmLabel={`Delete ${stream.name}`}
                pending={remove.isPending}
                onConfirm={() => remove.mutate()}
              >
                Delete
              </ConfirmButton>
            )}
          </div>
          <div className="mt-2 empty:hidden">
            {failure && !failure.ok && <Notice tone="error">{failure.error}</Notice>}
            {purge.data?.ok && <Notice tone="success">Purged {purge.data.data?.purged.toLocaleString("en")} messages.</Notice>}
          </div>
        </td>
      </tr>
      {editing && (
        <tr id={editId}>
          <td colSpan={COLUMNS} className="bg-zinc-50 px-4 py-4 dark:bg-zinc-950">
            <StreamForm action={updateStreamAction.bind(null, slug, stream.name)} initial={formValues(stream)} editing submitLabel={`Save ${stream.name}`} />
          </td>
        </tr>
      )}
    </>
  );
}

/** The org's streams with their usage; editing, purging and deleting as the member's permissions allow. */
export function StreamTable({ slug, streams, canWrite, canDelete }: { slug: string; streams: StreamSummary[]; canWrite: boolean; canDelete: boolean }) {
  return (
    <DataTable
      caption="Streams"
      columns={
        <>
          <Th>Name</Th>
          <Th>Subjects</Th>
          <Th className="px-4 py-2 text-right">Messages</Th>
          <Th className="px-4 py-2 text-right">Size</Th>
          <Th className="px-4 py-2 text-right">Consumers</Th>
          <Th>Last activity</Th>
          <Th>Limits</Th>
          <Th />
        </>
      }
    >
      {streams.map((stream) => (
        <StreamRow key={stream.name} slug={slug} stream={stream} canWrite={canWrite} canDelete={canDelete} />
      ))}
    </DataTable>
  );
}
