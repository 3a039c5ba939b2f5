import type { Metadata } from "next";
import Link from "next/link";
import { ApiOperation } from "@/components/docs/api-operation";
import { API_ENDPOINTS } from "@/lib/api/catalogue";
import { buildOpenApi } from "@/lib/gateway/build-openapi";

export const metadata: Metadata = { title: "API reference" };

type Operation = {
  summary: string;
  description?: string;
  security: object[];
  parameters: { name: string; in: string; required: boolean; schema: object }[];
  requestBody?: { content: { "application/json": { schema: object } } };
  responses: Record<string, { description: string }>;
};

/** The /api/v1 reference, rendered here from the same OpenAPI document served at /api/v1/openapi.json (no external renderer). */
export default function ApiReferencePage() {
  const document = buildOpenApi(API_ENDPOINTS, "");
  const byTag = new Map<string, { method: string; path: string; operation: Operation }[]>();
  for (const [path, operations] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(operations as Record<string, Operation & { tags: string[] }>)) {
      const tag = operation.tags[0];
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method, path, operation }]);
    }
  }
  return (
    <div className="mx-auto flex max-w-5xl flex-col gap-8 px-6 py-10">
      <header className="flex flex-col gap-3">
        <Link href="/orgs" className="font-mono text-sm tracking-wide text-emerald-700 uppercase dark:text-emerald-400">
          Cordon
        </Link>
        <h1 className="text-3xl font-semibold tracking-tight">API reference</h1>
        <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300">
          JSON over HTTPS under <code className="font-mono">/api/v1</code>. Authenticate with an access token from{" "}
          <code className="font-mono">POST /auth/token</code> or an org API key, both as <code className="font-mono">Authorization: Bearer …</code>. Errors are{" "}
          <code className="font-mono">application/problem+json</code> with a <code className="font-mono">request_id</code>; every response carries{" "}
          <code className="font-mono">X-Request-ID</code> and rate-limited ones <code className="font-mono">RateLimit-*</code> headers. The machine-readable
          document is{" "}
          <a className="underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
          .
        </p>
        <nav aria-label="Sections" className="flex flex-wrap gap-2 text-sm">
          {[...byTag.keys()].map((tag) => (
            <a
              key={tag}
              href={`#${tag.toLowerCase().replace(/\s+/g, "-")}`}
              className="rounded-md border border-zinc-200 px-2 py-1 hover:bg-zinc-100 dark:border-zinc-800 dark:hover:bg-zinc-800"
            >
              {tag}
            </a>
          ))}
        </nav>
      </header>
      {[...byTag.entries()].map(([tag, operations]) => (
        <section key={tag} id={tag.toLowerCase().replace(/\s+/g, "-")} aria-labelledby={`${tag}-heading`} className="flex flex-col gap-3">
          <h2 id={`${tag}-heading`} className="text-xl font-semibold">
            {tag}
          </h2>
          {operations.map(({ method, path, operation }) => (
            <ApiOperation
              key={`${method} ${path}`}
              method={method.toUpperCase()}
              path={path}
              summary={operation.summary}
              description={operation.description}
              authenticated={operation.security.length > 0}
              parameters={operation.parameters}
              body={operation.requestBody?.content["application/json"].schema}
              responses={Object.entries(operation.responses).map(([status, response]) => ({ status, description: response.description }))}
            />
          ))}
        </section>
      ))}
    </div>
  );
}
