"use client";

import { useId, useState } from "react";
import type { NatsPermissionSpec } from "@/lib/nats-users/permission-spec";
import { INVALID_REQUEST, simulate, type SimulatedOperation } from "@/lib/nats-users/simulate-permission";

const OPERATIONS: { value: SimulatedOperation; label: string; subjectLabel: string; example: string }[] = [
  { value: "publish", label: "Publish", subjectLabel: "Subject", example: "orders.created" },
  { value: "subscribe", label: "Subscribe", subjectLabel: "Subject (wildcards allowed)", example: "orders.>" },
  { value: "queue-subscribe", label: "Queue subscribe", subjectLabel: "Subject (wildcards allowed)", example: "svc.orders.>" },
  { value: "reply", label: "Reply to a received request", subjectLabel: "Reply subject", example: "_INBOX.abc123" },
];

const inputClass =
  "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm shadow-xs outline-none focus:border-emerald-600 focus:ring-2 focus:ring-emerald-600/30 dark:border-zinc-700 dark:bg-zinc-900";

/**
 * Answers "may this user do that?" for `permissions` as nats-server 2.9.10
 * would, with the entry that decided and why. Updates as one types; the
 * verdict is announced politely (aria-live).
 */
export function PermissionSimulator({ permissions }: { permissions: NatsPermissionSpec }) {
  const id = useId();
  const [operation, setOperation] = useState<SimulatedOperation>("publish");
  const [subject, setSubject] = useState("");
  const [queue, setQueue] = useState("");
  const current = OPERATIONS.find((o) => o.value === operation) ?? OPERATIONS[0];
  const verdict = subject.trim() ? simulate(permissions, { operation, subject: subject.trim(), queue: queue.trim() || undefined }) : null;
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3">
      <h3 id={`${id}-title`} className="text-sm font-semibold">
        Permission simulator
      </h3>
      <div className="grid gap-3 sm:grid-cols-[max-content_1fr_1fr]">
        <div className="flex flex-col gap-1.5 text-sm">
          <label htmlFor={`${id}-operation`} className="font-medium">
            Operation
          </label>
          <select id={`${id}-operation`} value={operation} onChange={(event) => setOperation(event.target.value as SimulatedOperation)} className={inputClass}>
            {OPERATIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1.5 text-sm">
          <label htmlFor={`${id}-subject`} className="font-medium">
            {current.subjectLabel}
          </label>
          <input
            id={`${id}-subject`}
            value={subject}
            placeholder={current.example}
            spellCheck={false}
            autoCapitalize="off"
            onChange={(event) => setSubject(event.target.value)}
            className={`${inputClass} font-mono`}
          />
        </div>
        {operation === "queue-subscribe" && (
          <div className="flex flex-col gap-1.5 text-sm">
            <label htmlFor={`${id}-queue`} className="font-medium">
              Queue group
            </label>
            <input
              id={`${id}-queue`}
              value={queue}
              placeholder="workers"
              spellCheck={false}
              autoCapitalize="off"
              onChange={(event) => setQueue(event.target.value)}
              className={`${inputClass} font-mono`}
            />
          </div>
        )}
      </div>
      <div aria-live="polite" aria-atomic="true" className="min-h-12 text-sm">
        {verdict?.rule === INVALID_REQUEST && <p className="text-zinc-600 dark:text-zinc-400">{verdict.explanation}</p>}
        {verdict && verdict.rule !== INVALID_REQUEST && (
          <div
            data-allowed={verdict.allowed}
            className={`rounded-md border px-3 py-2 ${
              verdict.allowed
                ? "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-300"
                : "border-red-200 bg-red-50 text-red-800 dark:border-red-900 dark:bg-red-950/50 dark:text-red-300"
            }`}
          >
            <p className="font-semibold">
              {verdict.allowed ? "Allowed" : "Denied"} <span className="font-normal">by</span> <code className="font-mono">{verdict.rule}</code>
            </p>
            <p className="mt-1">{verdict.explanation}</p>
          </div>
        )}
      </div>
    </section>
  );
}
