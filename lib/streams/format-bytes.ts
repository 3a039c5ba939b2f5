const UNITS = ["B", "KB", "MB", "GB", "TB"];

/** A byte count as people read it: 268435456 → "256 MB", 1.5 GiB → "1.5 GB". */
export function formatBytes(bytes: number): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < UNITS.length - 1) {
    size /= 1024;
    unit++;
  }
  return `${Number.isInteger(size) ? size : size.toFixed(1)} ${UNITS[unit]}`;
}
