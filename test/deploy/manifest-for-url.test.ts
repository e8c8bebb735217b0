/**
 * The production manifest from the development one (scripts/manifest-for-url.js): every localhost URL on
 * the company's base URL, version, provider, support URL and icons from package.json, the Id kept (or
 * overridden), and clear refusals of a base URL Office could not use. The built manifest's own checks:
 * test/deploy/production-build.test.ts.
 */
import fs from 'fs';
import path from 'path';
import { applyPackageFields, DEV_ORIGIN, manifestForUrl, normaliseBaseUrl, officeVersion } from '../../scripts/manifest-for-url';
import { describeManifestChecks, manifestUrls, parseManifest, child } from '../helpers/manifest-checks';

const ROOT = path.resolve(__dirname, '..', '..');
const DEV = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const PKG = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string; addin: { provider: string; supportUrl: string; icons: Record<string, string> } };
const BASE = 'https://excel.example.com/abc/';

function build(baseUrl: string, extra: { id?: string; version?: string } = {}): string {
  return manifestForUrl(DEV, { baseUrl, version: extra.version ?? PKG.version, addin: PKG.addin, ...(extra.id === undefined ? {} : { id: extra.id }) });
}

describe('the base URL', () => {
  test('gets a trailing slash, keeps its sub-path, port and host', () => {
    expect(normaliseBaseUrl('https://excel.example.com/abc')).toBe('https://excel.example.com/abc/');
    expect(normaliseBaseUrl(' https://excel.example.com/abc/ ')).toBe('https://excel.example.com/abc/');
    expect(normaliseBaseUrl('https://Excel.Example.com')).toBe('https://excel.example.com/');
    expect(normaliseBaseUrl('https://addins.example.com:8443/finance/abc')).toBe('https://addins.example.com:8443/finance/abc/');
  });

  test.each([
    ['http://excel.example.com/abc/', 'must start with https://'],
    ['excel.example.com/abc/', 'is not an absolute URL'],
    ['', 'is not an absolute URL'],
    ['https://excel.example.com/abc/?v=2', 'must not have a query (?…) or a fragment (#…)'],
    ['https://excel.example.com/abc/#top', 'must not have a query (?…) or a fragment (#…)'],
    ['https://excel.example.com/abc/?', 'must not have a query (?…) or a fragment (#…)'],
    ['https://user:secret@excel.example.com/abc/', 'must not contain a user name or password'],
    ['https://localhost:3000/', 'is a loopback address'],
    ['https://127.0.0.1/abc/', 'is a loopback address'],
  ])('%j is refused: %s', (url, message) => {
    expect(() => normaliseBaseUrl(url)).toThrow(message);
    expect(() => build(url)).toThrow(`"${url.trim()}"`);
  });
});

describe('the manifest version from package.json', () => {
  test('major.minor.patch becomes n.n.n.0', () => {
    expect(officeVersion('0.1.0')).toBe('0.1.0.0');
    expect(officeVersion('2.10.3')).toBe('2.10.3.0');
    expect(build(BASE, { version: '1.4.2' })).toContain('<Version>1.4.2.0</Version>');
  });

  test.each(['1.2.3-beta.1', '1.2', '1.2.3+build', '1.2.123456', 'v1.2.3'])('%s is refused with the reason', (v) => {
    expect(() => officeVersion(v)).toThrow(`package.json's version "${v}" cannot be a manifest version`);
  });
});

describe('the production manifest for https://excel.example.com/abc/', () => {
  const xml = build('https://excel.example.com/abc');
  const root = parseManifest(xml);

  test('has no localhost anywhere, and every address is on the base URL', () => {
    expect(xml).not.toMatch(/localhost/i);
    const urls = manifestUrls(root);
    expect(urls).toContain('https://excel.example.com/abc/taskpane.html');
    expect(urls).toContain('https://excel.example.com/abc/functions.js');
    expect(urls).toContain('https://excel.example.com/abc/functions.json');
    expect(urls.filter((u) => !u.startsWith(BASE))).toEqual(['https://excel.example.com']);
    expect(child(child(root, 'AppDomains'), 'AppDomain')?.text).toBe('https://excel.example.com');
  });

  test('takes version, provider, support URL and icons from package.json', () => {
    expect(child(root, 'Version')?.text).toBe(officeVersion(PKG.version));
    expect(child(root, 'ProviderName')?.text).toBe(PKG.addin.provider);
    expect(child(root, 'SupportUrl')?.attrs.DefaultValue).toBe(`${BASE}${PKG.addin.supportUrl}`);
    expect(child(root, 'IconUrl')?.attrs.DefaultValue).toBe(`${BASE}assets/icon-32.png`);
    expect(child(root, 'HighResolutionIconUrl')?.attrs.DefaultValue).toBe(`${BASE}assets/icon-64.png`);
    expect(xml).toContain(`<bt:Image id="Icon.80x80" DefaultValue="${BASE}assets/icon-80.png"/>`);
  });

  test('keeps the Id of the development manifest (an update is recognised by it), or the one the build is given', () => {
    expect(child(root, 'Id')?.text).toBe(child(parseManifest(DEV), 'Id')?.text);
    const id = '0F8FAD5B-D9CB-469F-A165-70867728950E';
    expect(child(parseManifest(build(BASE, { id })), 'Id')?.text).toBe(id.toLowerCase());
    expect(() => build(BASE, { id: 'my-addin' })).toThrow('The add-in\'s Id "my-addin" must be a GUID');
  });

  test('differs from the development manifest in its addresses, its header comment and nothing else', () => {
    const back = xml.split(BASE).join(`${DEV_ORIGIN}/`).replace('<AppDomain>https://excel.example.com</AppDomain>', `<AppDomain>${DEV_ORIGIN}</AppDomain>`);
    const strip = (text: string): string => text.replace(/<!--[\s\S]*?-->/, '');
    expect(strip(back)).toBe(strip(DEV));
  });

  test('escapes XML in package.json values', () => {
    const out = manifestForUrl(DEV, { baseUrl: BASE, version: PKG.version, addin: { ...PKG.addin, provider: 'Smith & Jones <Finance>' } });
    expect(out).toContain('<ProviderName>Smith &amp; Jones &lt;Finance&gt;</ProviderName>');
    expect(child(parseManifest(out), 'ProviderName')?.text).toBe('Smith & Jones <Finance>');
  });

  test('refuses package.json without a provider', () => {
    expect(() => manifestForUrl(DEV, { baseUrl: BASE, version: PKG.version, addin: { ...PKG.addin, provider: ' ' } })).toThrow('package.json needs "addin": { "provider"');
  });
});

describe('one source for version, provider, support URL and icons', () => {
  test('the development manifest already carries package.json\'s values (writing them again changes nothing)', () => {
    expect(applyPackageFields(DEV, `${DEV_ORIGIN}/`, PKG)).toBe(DEV);
  });
});

// The transformed manifest passes every check the development manifest passes (icons looked up in the repository).
describeManifestChecks('the production manifest, checked as manifest.xml is', () => ({ xml: build(BASE), base: BASE, filesRoot: ROOT }));
