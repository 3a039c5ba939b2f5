import { headers } from "next/headers";
import { requestContextFrom, type HttpContext } from "./request-context";

/** The request context inside a server action or server component. */
export async function currentRequest(): Promise<HttpContext> {
  return requestContextFrom(await headers());
}
