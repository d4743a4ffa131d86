/**
 * Content security policy of the UI in the local browser mode. Scripts only from the app's own
 * origin; Mantine's <style> elements are allowed by a per-response nonce, never 'unsafe-inline'.
 */
export function contentSecurityPolicy(styleNonce: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${styleNonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** The placeholder in index.html that the server replaces with each response's nonce. */
export const STYLE_NONCE_PLACEHOLDER = '__TUTTI_STYLE_NONCE__';
