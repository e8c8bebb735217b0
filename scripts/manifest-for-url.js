/**
 * Turns the development manifest (manifest.xml, every URL on https://localhost:3000/) into the manifest of
 * a production build hosted at a company's own base URL. Pure (strings in, string out): webpack.config.js
 * calls it to emit dist/manifest.xml, and test/deploy/*.test.ts call it directly. Plain CommonJS so the
 * build needs no compiler for it and nothing of it reaches the add-in's bundle.
 *
 * What the production manifest takes from package.json (the one place, `addin` and `version`): the
 * version, the provider, the support URL and the icons. The Id is the development manifest's unless the
 * build overrides it: Office recognises an update by its Id, so a company keeps one Id for all its versions.
 */
'use strict';

/** The development manifest's origin; its URLs are this plus a path. */
const DEV_ORIGIN = 'https://localhost:3000';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An error that names what was given and what is expected, for webpack to print as is. */
class DeployError extends Error {}

/**
 * The base URL the add-in is hosted at, normalised to end with `/`. Refuses what Office cannot load or
 * what would make URLs ambiguous: not https, a query or fragment, credentials, a loopback host.
 * @param {string} raw what the build was given (`--env url=` or ABC_ADDIN_URL)
 * @returns {string} e.g. `https://excel.example.com/abc/`
 */
function normaliseBaseUrl(raw) {
  const text = String(raw ?? '').trim();
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new DeployError(`The add-in's URL "${text}" is not an absolute URL; give e.g. --env url=https://excel.example.com/abc/`);
  }
  if (url.protocol !== 'https:') throw new DeployError(`The add-in's URL "${text}" must start with https:// (Office loads add-ins over HTTPS only).`);
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    throw new DeployError(`The add-in's URL "${text}" must not have a query (?…) or a fragment (#…): it is the folder that holds taskpane.html.`);
  }
  if (url.username !== '' || url.password !== '') throw new DeployError(`The add-in's URL "${text}" must not contain a user name or password.`);
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.startsWith('127.') || host === '[::1]') {
    throw new DeployError(`The add-in's URL "${text}" is a loopback address; for development use manifest.xml with npm run dev-server.`);
  }
  const pathname = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  return `${url.origin}${pathname}`;
}

/**
 * The manifest's `<Version>` (Office wants one to four numbers n.n.n.n) from package.json's semver.
 * @param {string} semver e.g. `1.2.3`
 * @returns {string} e.g. `1.2.3.0`
 */
function officeVersion(semver) {
  const match = /^(\d{1,5})\.(\d{1,5})\.(\d{1,5})$/.exec(String(semver));
  if (match === null) {
    throw new DeployError(`package.json's version "${semver}" cannot be a manifest version: use major.minor.patch with numbers only (no pre-release tag), e.g. 1.2.3.`);
  }
  return `${match.slice(1).map(Number).join('.')}.0`;
}

/** Escapes a value for an XML attribute or text. */
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Replaces what `pattern` (one capture group: the value) matches exactly once; more or fewer is a broken template. */
function replaceOnce(xml, pattern, value, what) {
  const found = xml.match(new RegExp(pattern.source, 'g')) ?? [];
  if (found.length !== 1) throw new DeployError(`manifest.xml should have exactly one ${what}, it has ${found.length}.`);
  const [start, end] = new RegExp(pattern.source, 'd').exec(xml).indices[1];
  return xml.slice(0, start) + escapeXml(value) + xml.slice(end);
}

/** The `DefaultValue` of the element `<tag …>` (with `id="…"` when given) in the manifest. */
function defaultValuePattern(tag, id) {
  const idPart = id === undefined ? '' : `[^>]*\\bid="${id.replace(/\./g, '\\.')}"`;
  return new RegExp(`<${tag}\\b${idPart}[^>]*\\bDefaultValue="([^"]*)"`);
}

/**
 * Where each icon of the manifest is: `IconUrl` and `HighResolutionIconUrl` by element, the ribbon's
 * images by resource id, each a path under the base URL (package.json `addin.icons`).
 */
function iconPattern(key) {
  return key === 'IconUrl' || key === 'HighResolutionIconUrl' ? defaultValuePattern(key) : defaultValuePattern('bt:Image', key);
}

/**
 * An absolute https URL as is, or a path resolved against the base URL.
 * @param {string} target
 * @param {string} base
 */
function resolveAgainst(target, base) {
  const url = new URL(target, base);
  if (url.protocol !== 'https:') throw new DeployError(`"${target}" in package.json's addin settings must be an https URL or a path under the add-in's URL.`);
  return url.href;
}

/**
 * Writes package.json's fields into a manifest whose add-in lives at `base`: the version, the provider,
 * the support URL and the icons. Applied to the development manifest with its own base it changes
 * nothing, which is how the tests keep the two manifests from one source.
 * @param {string} xml a manifest
 * @param {string} base the add-in's base URL, ending with `/`
 * @param {{ version: string, addin: { provider: string, supportUrl: string, icons: Record<string, string> } }} options
 * @returns {string}
 */
function applyPackageFields(xml, base, options) {
  const { addin } = options;
  if (addin === undefined || typeof addin.provider !== 'string' || addin.provider.trim() === '') {
    throw new DeployError('package.json needs "addin": { "provider": "…" } (the manifest\'s ProviderName).');
  }
  if (typeof addin.supportUrl !== 'string' || addin.supportUrl === '') throw new DeployError('package.json needs "addin": { "supportUrl": "…" }.');
  let out = replaceOnce(xml, /<Version>([^<]*)<\/Version>/, officeVersion(options.version), '<Version>');
  out = replaceOnce(out, /<ProviderName>([^<]*)<\/ProviderName>/, addin.provider.trim(), '<ProviderName>');
  out = replaceOnce(out, defaultValuePattern('SupportUrl'), resolveAgainst(addin.supportUrl, base), '<SupportUrl>');
  for (const [key, file] of Object.entries(addin.icons ?? {})) {
    out = replaceOnce(out, iconPattern(key), resolveAgainst(file, base), `icon ${key}`);
  }
  return out;
}

/**
 * The production manifest: the development one with every localhost URL on `baseUrl`, and the version,
 * provider, support URL, icons and (optionally) Id from `options`.
 * @param {string} devXml manifest.xml as it is in the repository
 * @param {{ baseUrl: string, version: string, addin: { provider: string, supportUrl: string, icons: Record<string, string> }, id?: string }} options
 *   `version` is package.json's, `addin` its `addin` field, `id` an override of the manifest's Id
 * @returns {string} the manifest to write to dist/manifest.xml
 */
function manifestForUrl(devXml, options) {
  const base = normaliseBaseUrl(options.baseUrl);
  const origin = new URL(base).origin;
  // The header comment explains the development URLs; the built manifest says where it comes from instead.
  let xml = devXml.replace(/<!--[\s\S]*?-->/, "<!--\n  Generated by `npm run build -- --env url=...` from manifest.xml and package.json; edit those, not this file.\n-->");
  if (options.id !== undefined && options.id !== '') {
    if (!GUID.test(options.id)) throw new DeployError(`The add-in's Id "${options.id}" must be a GUID such as b76f67f1-bcf7-4e7d-9cd0-52ee65d08bb1.`);
    xml = replaceOnce(xml, /<Id>([^<]*)<\/Id>/, options.id.toLowerCase(), '<Id>');
  }
  xml = replaceOnce(xml, /<AppDomain>([^<]*)<\/AppDomain>/, origin, '<AppDomain>');
  // Every other address of the add-in's own files moves to the base (a sub-path such as /abc/ included).
  xml = xml.split(`${DEV_ORIGIN}/`).join(base);
  xml = applyPackageFields(xml, base, options);

  if (/localhost/i.test(xml)) throw new DeployError('The production manifest still mentions localhost; manifest.xml has a development URL this script does not know.');
  return xml;
}

module.exports = { DEV_ORIGIN, DeployError, normaliseBaseUrl, officeVersion, applyPackageFields, manifestForUrl };
