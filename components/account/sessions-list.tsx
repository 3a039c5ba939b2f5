"use client";

import { useActionState } from "react";
import { revokeOtherSessionsAction, revokeSessionAction, type ActionState } from "@/app/account/security/actions";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

export type SessionRow = { id: string; kind: string; deviceName: string; ip: string | null; createdAt: string; lastSeenAt: string; current: boolean };

function when(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function SessionsList({ sessions }: { sessions: SessionRow[] }) {
  const [one, revokeOne, revokingOne] = useActionState<ActionState, FormData>(revokeSessionAction, {});
  const [others, revokeOthers, revokingOthers] = useActionState<ActionState, FormData>(revokeOtherSessionsAction, {});
  const state = others.message || others.error ? others : one;
  return (
    <div className="flex flex-col gap-4">
      {state.message && <Notice tone="success">{state.message}</Notice>}
      {state.error && <Notice tone="error">{state.error}</Notice>}
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Active sessions</caption>
        <thead className="text-xs text-zinc-500 uppercase">
          <tr>
            <th scope="col" className="py-2">
              Device
            </th>
            <th scope="col">IP address</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last active</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {sessions.map((session) => (
            <tr key={session.id} data-session-id={session.id}>
              <td className="py-2">
                {session.deviceName}
                {session.kind === "api" && <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">API</span>}
                {session.current && (
                  <span className="ml-2 rounded bg-emerald-100 px-1.5 py-0.5 text-xs text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-300">
                    This device
                  </span>
                )}
              </td>
              <td>{session.ip ?? "—"}</td>
              <td>{when(session.createdAt)}</td>
              <td>{when(session.lastSeenAt)}</td>
              <td className="text-right">
                {!session.current && (
                  <form action={revokeOne}>
                    <input type="hidden" name="sessionId" value={session.id} />
                    <Button type="submit" variant="secondary" pending={revokingOne} aria-label={`Sign out ${session.deviceName}`}>
                      Sign out
                    </Button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {sessions.length > 1 && (
        <form action={revokeOthers}>
          <Button type="submit" variant="secondary" pending={revokingOthers}>
            Sign out all other sessions
          </Button>
        </form>
      )}
    </div>
  );
}
