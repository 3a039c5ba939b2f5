import type { z } from "zod";
import { fieldErrors, problem } from "./problem";
import { readRawBody } from "./read-raw-body";

/** Reads and validates a JSON body; on any client mistake returns the problem response to send instead. */
export async function readJsonBody<T>(
  request: Request,
  schema: z.ZodType<T>,
  requestId: string,
): Promise<{ ok: true; data: T } | { ok: false; response: Response }> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([a-z.+-]+\+)?json\b/i.test(type)) {
    return { ok: false, response: problem(415, "Unsupported Media Type", "Send the body as application/json.", requestId) };
  }
  const bytes = await readRawBody(request, requestId);
  if (bytes instanceof Response) return { ok: false, response: bytes };
  const text = bytes ? new TextDecoder().decode(bytes) : "";
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: problem(400, "Bad Request", "The body is not valid JSON.", requestId) };
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    return { ok: false, response: problem(400, "Validation Failed", "Some fields are missing or invalid.", requestId, { errors: fieldErrors(parsed.error) }) };
  return { ok: true, data: parsed.data };
}
