const METHOD_COLOURS: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900 dark:bg-sky-900/40 dark:text-sky-200",
  POST: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900/40 dark:text-emerald-200",
  PATCH: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  PUT: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200",
  DELETE: "bg-red-100 text-red-900 dark:bg-red-900/40 dark:text-red-200",
};

type Props = {
  method: string;
  path: string;
  summary: string;
  description?: string;
  authenticated: boolean;
  parameters: { name: string; in: string; required: boolean }[];
  body?: object;
  responses: { status: string; description: string }[];
};

/** One operation of the API reference: method, path, what it does, what it needs and what it answers. */
export function ApiOperation({ method, path, summary, description, authenticated, parameters, body, responses }: Props) {
  return (
    <article className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h3 className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${METHOD_COLOURS[method] ?? ""}`}>{method}</span>
        <span className="break-all">/api/v1{path}</span>
      </h3>
      <p className="mt-2 text-sm">{summary}</p>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
        {authenticated ? "Needs a signed-in user, an access token or an API key." : "No authentication."} {description}
      </p>
      {parameters.length > 0 && (
        <p className="mt-2 text-xs text-zinc-700 dark:text-zinc-300">
          Parameters:{" "}
          {parameters.map((parameter, index) => (
            <span key={`${parameter.in}-${parameter.name}`}>
              {index > 0 && ", "}
              <code className="font-mono">{parameter.name}</code> ({parameter.in}
              {parameter.required ? ", required" : ""})
            </span>
          ))}
        </p>
      )}
      {body && (
        <details className="mt-2 text-xs">
          <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">Request body (JSON Schema)</summary>
          <pre className="mt-1 overflow-x-auto rounded bg-zinc-50 p-2 font-mono dark:bg-zinc-950">{JSON.stringify(body, null, 2)}</pre>
        </details>
      )}
      <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">
        Responses: {responses.map((response) => `${response.status} ${response.description}`).join(" · ")}
      </p>
    </article>
  );
}
