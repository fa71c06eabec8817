/**
 * A download's size as the offline controls write it: whole kilobytes, or megabytes to one decimal from 1 MB
 * (1 kB = 1,000 bytes). Pure, for the build and the browser alike.
 */
export function formatSize(bytes: number, lang: string): string {
  const mega = bytes >= 1_000_000;
  return new Intl.NumberFormat(lang, {
    style: "unit",
    unit: mega ? "megabyte" : "kilobyte",
    maximumFractionDigits: mega ? 1 : 0,
  }).format(mega ? bytes / 1_000_000 : bytes / 1000);
}
