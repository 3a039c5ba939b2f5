import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/lib/db/client";
import { devOutboxEnabled, latestEmails } from "@/lib/mail/dev-outbox";

export const metadata: Metadata = { title: "Local outbox" };

function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/\S+)/g).map((part, index) =>
        /^https?:\/\//.test(part) ? (
          <a key={index} href={part} className="break-all text-emerald-700 underline dark:text-emerald-400">
            {part}
          </a>
        ) : (
          <span key={index}>{part}</span>
        ),
      )}
    </>
  );
}

export default async function DevMailPage() {
  await connection(); // per request: the outbox changes, and the switch is read at run time
  if (!devOutboxEnabled()) notFound();
  const emails = await latestEmails(getDb());
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 px-6 py-10">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Local outbox</h1>
        <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">No SMTP server is configured, so emails stay here. Set SMTP_URL to send them.</p>
      </div>
      {emails.length === 0 ? (
        <p className="rounded-md border border-dashed border-zinc-300 p-8 text-center text-sm text-zinc-500 dark:border-zinc-700">No emails yet.</p>
      ) : (
        <ul className="flex flex-col gap-4">
          {emails.map((email) => (
            <li key={email.id} className="rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
              <article aria-label={`${email.subject} to ${email.to}`}>
                <header className="mb-2 flex flex-wrap justify-between gap-2 text-sm">
                  <h2 className="font-medium">{email.subject}</h2>
                  <span className="text-zinc-500">
                    to {email.to} · {email.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC
                  </span>
                </header>
                <pre className="font-sans text-sm whitespace-pre-wrap">
                  <Linkified text={email.text} />
                </pre>
              </article>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
