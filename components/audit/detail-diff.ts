export type DiffRow = { field: string; before: string; after: string; changed: boolean };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

const show = (value: unknown) => (value === undefined ? "—" : typeof value === "string" ? value : JSON.stringify(value));

/**
 * The rows of a before/after comparison when an event's detail has both
 * (`{ before: { role: "Member" }, after: { role: "Manager" } }`): one row per
 * field of either side, changed ones flagged. Null when there is nothing to compare.
 */
export function detailDiff(detail: unknown): DiffRow[] | null {
  if (!isObject(detail) || !("before" in detail) || !("after" in detail)) return null;
  const { before, after } = detail;
  if (!isObject(before) || !isObject(after)) return [{ field: "value", before: show(before), after: show(after), changed: show(before) !== show(after) }];
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => {
    const row = { field, before: show(before[field]), after: show(after[field]) };
    return { ...row, changed: row.before !== row.after };
  });
}
