/** How the TOTP setup's secret and QR code are put on screen. */
/**
 * The server's QR code as a picture: an `<img>` never runs what an SVG holds, and nothing of
 * it becomes part of the page's HTML.
 */
export function svgDataUrl(svg: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(svg)) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The secret in groups of four, as an app's manual entry is easiest typed. */
export function groupedSecret(secret: string): string {
  return (secret.replace(/\s/g, '').match(/.{1,4}/g) ?? []).join(' ');
}
