import { CopyField } from "@/components/ui/copy-field";

const VERIFY_SNIPPET = `// In the upstream (Node): copy lib/services/verify-gateway-signature.ts from Cordon.
import { verifyGatewaySignature } from "./verify-gateway-signature";

const result = verifyGatewaySignature({
  // During a rotation, list both: [newSecret, oldSecret].
  secret: process.env.CORDON_GATEWAY_SECRET!,
  timestamp: req.headers["x-gateway-timestamp"],
  signature: req.headers["x-gateway-signature"],
  path: req.url!, // path and query string, as received
  body: rawBody, // the raw bytes, before any JSON parsing
});
if (!result.ok) return res.writeHead(401).end(result.reason);
// X-User-Id, X-Org-Id, X-User-Roles and X-User-Permissions are now trustworthy.`;

/** A signing secret, shown once, with how an upstream checks requests signed with it. */
export function RevealedSecret({ serviceName, secret }: { serviceName: string; secret: string }) {
  return (
    <div className="flex flex-col gap-3">
      <CopyField label={`Signing secret for ${serviceName}`} value={secret} />
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">How the service verifies requests</summary>
        <pre className="mt-2 overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-800">
          <code>{VERIFY_SNIPPET}</code>
        </pre>
      </details>
    </div>
  );
}
