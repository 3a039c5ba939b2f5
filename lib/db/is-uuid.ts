/** Ids are UUIDs; anything else cannot exist (and must not reach a uuid column, where PostgreSQL would reject it). */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
