import type { z } from "zod";
import { fieldErrors, problem } from "./problem";

const MAX_BODY_BYTES = 1024 * 1024;

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
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES)
    return { ok: false, response: problem(413, "Payload Too Large", `The body may be at most ${MAX_BODY_BYTES} bytes.`, requestId) };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES)
    return { ok: false, response: problem(413, "Payload Too Large", `The body may be at most ${MAX_BODY_BYTES} bytes.`, requestId) };
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
