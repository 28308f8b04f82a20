/**
 * One content security policy for every way the UI is loaded: the Electron window (header and
 * meta), the web shell (header) and the built index.html. Only our own files and API; PDF
 * previews come in as blob: URLs.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'self' blob:",
  "frame-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
