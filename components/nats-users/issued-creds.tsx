"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";

type Example = { publish: string; subscribe: string };
const GENERIC: Example = { publish: "orders.created", subscribe: "orders.>" };

const SNIPPETS: { key: string; label: string; code: (url: string, file: string, example: Example) => string }[] = [
  {
    key: "cli",
    label: "nats CLI",
    code: (url, file, { publish, subscribe }) => `nats --server ${url} --creds ./${file} pub ${publish} '{"id": 1}'
nats --server ${url} --creds ./${file} sub '${subscribe}'`,
  },
  {
    key: "node",
    label: "Node.js",
    code: (url, file, { publish }) => `// npm install @nats-io/transport-node
import { readFileSync } from "node:fs";
import { connect, credsAuthenticator } from "@nats-io/transport-node";

const nc = await connect({
  servers: "${url}",
  authenticator: credsAuthenticator(readFileSync("./${file}")),
});
nc.publish("${publish}", JSON.stringify({ id: 1 }));`,
  },
  {
    key: "go",
    label: "Go",
    code: (url, file, { publish }) => `// go get github.com/nats-io/nats.go
nc, err := nats.Connect("${url}", nats.UserCredentials("./${file}"))
if err != nil {
	log.Fatal(err)
}
defer nc.Close()
nc.Publish("${publish}", []byte(\`{"id": 1}\`))`,
  },
];

function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={async () => {
        await navigator.clipboard.writeText(value);
        setCopied(true);
      }}
    >
      {copied ? "Copied" : label}
    </Button>
  );
}

/**
 * A user's `.creds` just issued: shown this once (Cordon keeps no copy), with
 * copy and download buttons and connect snippets; for a leaf user, the
 * leafnode config of the server that joins with them.
 */
export function IssuedCreds({
  userName,
  creds,
  natsUrl,
  leafnodeConfig,
  pushError,
  example = GENERIC,
  onDone,
}: {
  userName: string;
  creds: string;
  natsUrl: string;
  leafnodeConfig?: string;
  pushError?: string;
  /** Subjects for the connect snippets (a device's own, say). */
  example?: Example;
  onDone?: () => void;
}) {
  const file = `${userName}.creds`;
  const [snippet, setSnippet] = useState(SNIPPETS[0].key);
  const download = () => {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([creds], { type: "text/plain" }));
    link.download = file;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const current = SNIPPETS.find((s) => s.key === snippet) ?? SNIPPETS[0];
  return (
    <div className="flex flex-col gap-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
      <Notice tone="success">
        Credentials for “{userName}”. <strong>Download or copy them now: you won’t see them again.</strong> Lost credentials can only be re-issued, which
        revokes these.
      </Notice>
      {pushError && <Notice tone="error">The previous credentials are not cut off yet ({pushError}); Cordon retries automatically.</Notice>}
      <label className="flex flex-col gap-1.5 text-sm">
        <span className="font-medium">{file}</span>
        <textarea
          readOnly
          rows={6}
          value={creds}
          spellCheck={false}
          onFocus={(event) => event.target.select()}
          className="rounded-md border border-zinc-300 bg-white px-3 py-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
        />
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="button" onClick={download}>
          Download {file}
        </Button>
        <CopyButton value={creds} label="Copy" />
        {onDone && (
          <Button type="button" variant="secondary" onClick={onDone}>
            I have saved them
          </Button>
        )}
      </div>
      <div className="flex flex-col gap-2">
        <div role="group" aria-label="Connect snippet" className="flex gap-1">
          {SNIPPETS.map((s) => (
            <Button
              key={s.key}
              type="button"
              variant={s.key === snippet ? "primary" : "secondary"}
              aria-pressed={s.key === snippet}
              onClick={() => setSnippet(s.key)}
            >
              {s.label}
            </Button>
          ))}
        </div>
        <pre tabIndex={0} className="overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-800">
          <code>{current.code(natsUrl, file, example)}</code>
        </pre>
      </div>
      {leafnodeConfig && (
        <div className="flex flex-col gap-2 text-sm">
          <p className="font-medium">Leaf node config</p>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            For a self-hosted nats-server that joins your account as a leaf node: its local clients then reach your account within this user&apos;s permissions.
            Replace <code>&lt;cordon-nats-host&gt;</code> with the NATS servers&apos; leafnode address. The local stack&apos;s nats-server (npm start) has no
            leafnode listener, and the Free plan allows no leaf nodes.
          </p>
          <pre tabIndex={0} className="overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-800">
            <code>{leafnodeConfig}</code>
          </pre>
          <div>
            <CopyButton value={leafnodeConfig} label="Copy config" />
          </div>
        </div>
      )}
    </div>
  );
}
