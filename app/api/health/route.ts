import { bootState } from "@/lib/boot/boot-state";

/** Liveness: the process is up and serving. */
export function GET() {
  return Response.json({ status: "ok", uptimeSeconds: Math.round((Date.now() - bootState().startedAt) / 1000) });
}
