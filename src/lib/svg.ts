/**
 * Small helpers the build-time visuals share: escaping, rounding and a day axis. The visuals are SVG text made once
 * per build (see visuals.ts); pages insert them as they are, so two builds of the same content give the same bytes.
 */

/** Text or an attribute value made safe for SVG (which is XML inside HTML). */
export function esc(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A coordinate rounded to a tenth: enough for the eye, and stable text. */
export function r(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** A linear scale from `[d0, d1]` to `[x0, x1]`. */
export function scale(d0: number, d1: number, x0: number, x1: number): (d: number) => number {
  const span = d1 - d0 || 1;
  return (d) => x0 + ((d - d0) / span) * (x1 - x0);
}
