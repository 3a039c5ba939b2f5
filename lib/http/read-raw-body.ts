import { problem } from "./problem";

export const MAX_BODY_BYTES = 1024 * 1024;

/** A request body as bytes (null when empty), within the gateway's 1 MB cap; over it, the 413 to send instead. */
export async function readRawBody(request: Request, requestId: string): Promise<Uint8Array | null | Response> {
  const tooLarge = () => problem(413, "Payload Too Large", `The body may be at most ${MAX_BODY_BYTES} bytes.`, requestId);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_BODY_BYTES) return tooLarge();
  return bytes.byteLength ? bytes : null;
}
