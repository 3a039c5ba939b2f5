/** A limit or a usage figure as the NATS page shows it: `-1` is unlimited, bytes in binary units. */
export function amount(value: number, unit: "bytes" | "count"): string {
  if (value === -1) return "Unlimited";
  if (unit === "count") return value.toLocaleString("en");
  const units = ["B", "KB", "MB", "GB", "TB"];
  let size = value;
  let index = 0;
  while (size >= 1024 && index < units.length - 1) {
    size /= 1024;
    index++;
  }
  return `${size % 1 === 0 ? size : size.toFixed(1)} ${units[index]}`;
}
