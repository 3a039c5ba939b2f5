import type { ReactNode, ThHTMLAttributes } from "react";

/** A bordered, horizontally scrollable table with a screen-reader caption and column headers. */
export function DataTable({ caption, columns, children }: { caption: string; columns: ReactNode; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-zinc-200 text-xs text-zinc-500 uppercase dark:border-zinc-800">
          <tr>{columns}</tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">{children}</tbody>
      </table>
    </div>
  );
}

/** A column header; without children it is the unlabeled actions column (named for screen readers). */
export function Th({ children, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th scope="col" className="px-4 py-2" {...props}>
      {children ?? <span className="sr-only">Actions</span>}
    </th>
  );
}
