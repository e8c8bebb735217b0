/**
 * The HTTP headers a static host should send with the files of dist/: the Content-Security-Policy of the
 * pane and the cache rule of each file. One place for docs/deploy.md (which quotes them, and a test keeps
 * it equal) and for the test server that loads a production build under a sub-path in Chromium.
 */
'use strict';

/**
 * What the pane needs, and nothing more: its own scripts and worker, office.js from Microsoft's CDN
 * (office.js may fetch MicrosoftAjax.js from ajax.aspnetcdn.com on some hosts), inline styles (Fluent UI's
 * Griffel inserts <style> rules at run time, React sets style attributes) and the icons; the whale curve
 * is inline SVG, the cost flow an SVG image from a data: URL (img-src data:). No connect-src beyond
 * 'self': the add-in sends no data anywhere. No frame-ancestors: Excel on the web shows the pane in a
 * frame of a Microsoft domain.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/** A webpack content hash in a file name (taskpane.03be85f3.js, 767.9e26068c.js): the name changes with the content. */
const HASHED = /\.[0-9a-f]{8}\.js$/;

/** Revalidate on every load (the host answers 304 when nothing changed): the names the manifest and the code fix. */
const REVALIDATE = 'no-cache';
/** Keep for a year: a new build gets a new name. */
const FOREVER = 'public, max-age=31536000, immutable';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The headers of one file of dist/.
 * @param {string} file its path relative to dist/, with forward slashes (e.g. `assets/icon-32.png`)
 * @returns {Record<string, string>}
 */
function headersFor(file) {
  const ext = /\.[a-z]+$/i.exec(file)?.[0]?.toLowerCase() ?? '';
  return {
    'Content-Type': TYPES[ext] ?? 'application/octet-stream',
    'Cache-Control': HASHED.test(file) ? FOREVER : REVALIDATE,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    // Excel on the web reads functions.json (and the custom functions' script) from its own origin, across
    // origins; every file here is public and static, so any origin may read it.
    'Access-Control-Allow-Origin': '*',
  };
}

module.exports = { CONTENT_SECURITY_POLICY, headersFor, REVALIDATE, FOREVER };
