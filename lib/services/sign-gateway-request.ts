import { computeGatewaySignature } from "./verify-gateway-signature";

export type GatewaySignatureHeaders = { "X-Gateway-Timestamp": string; "X-Gateway-Signature": string };

/**
 * The signature headers for one forwarded request. `secrets` lists the
 * current secret first and, during a rotation, the previous one: each gets
 * its own signature, so an upstream configured with either secret accepts.
 * `path` is the request target as the upstream receives it (path + query).
 */
export function signGatewayRequest(input: { secrets: string[]; timestamp: number; path: string; body: Uint8Array | null }): GatewaySignatureHeaders {
  if (input.secrets.length === 0) throw new Error("signGatewayRequest needs at least one secret");
  const timestamp = String(Math.floor(input.timestamp));
  return {
    "X-Gateway-Timestamp": timestamp,
    "X-Gateway-Signature": input.secrets.map((secret) => computeGatewaySignature(secret, timestamp, input.path, input.body)).join(","),
  };
}
