/**
 * Offline checks of an add-in manifest (Microsoft's validator needs the internet): well-formed, every resid
 * resolves, the shared runtime and the custom-functions extension point declared in the order the
 * shared-runtime documentation requires, HTTPS everywhere under the add-in's URL, and the icons it names
 * exist. Run on the development manifest (test/manifest.test.ts) and on a production build's
 * (test/deploy/production-build.test.ts).
 */
import fs from 'fs';
import path from 'path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** An element in document order: its tag, attributes and children. */
export interface Node {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
  text: string;
}

type Raw = Record<string, unknown>;

function toNodes(raw: Raw[]): Node[] {
  const nodes: Node[] = [];
  for (const entry of raw) {
    const tag = Object.keys(entry).find((k) => k !== ':@');
    if (tag === undefined || tag === '#text' || tag === '?xml' || tag === '#comment') continue;
    const attrs = (entry[':@'] ?? {}) as Record<string, string>;
    const inner = entry[tag] as Raw[];
    const text = inner
      .filter((c) => '#text' in c)
      .map((c) => String(c['#text']))
      .join('');
    nodes.push({ tag, attrs, children: toNodes(inner), text });
  }
  return nodes;
}

/** The manifest's OfficeApp element. */
export function parseManifest(xml: string): Node {
  const parsed = toNodes(new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', commentPropName: '#comment' }).parse(xml) as Raw[]);
  return parsed.find((n) => n.tag === 'OfficeApp') as Node;
}

export function all(node: Node, predicate: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (predicate(node)) out.push(node);
  for (const c of node.children) all(c, predicate, out);
  return out;
}

export function child(node: Node | undefined, tag: string): Node | undefined {
  return node?.children.find((c) => c.tag === tag);
}

/** Every address in the manifest (attribute values and element texts), namespace declarations left out. */
export function manifestUrls(root: Node): string[] {
  return all(root, () => true).flatMap((n) => [
    // Namespace declarations are names, not addresses that are fetched.
    ...Object.entries(n.attrs)
      .filter(([k, v]) => !k.startsWith('xmlns') && /^[a-z]+:\/\//i.test(v))
      .map(([, v]) => v),
    ...(/^[a-z]+:\/\//i.test(n.text.trim()) ? [n.text.trim()] : []),
  ]);
}

/**
 * Registers the checks of one manifest: `load` gives its text when the tests run (a built manifest exists
 * only after a `beforeAll`), `base` is the add-in's URL (every address lies under it), and the icons it
 * names are looked up under `filesRoot`.
 */
export function describeManifestChecks(name: string, load: () => { xml: string; base: string; filesRoot: string }): void {
  let xml = '';
  let base = '';
  let filesRoot = '';
  let root = {} as Node;
  describe(name, () => {
    beforeAll(() => {
      ({ xml, base, filesRoot } = load());
      root = parseManifest(xml);
    });

    test('is well-formed XML with an OfficeApp task pane root for Excel, read-write', () => {
      expect(XMLValidator.validate(xml)).toBe(true);
      expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
      expect(child(child(root, 'Hosts'), 'Host')?.attrs.Name).toBe('Workbook');
      expect(child(root, 'Permissions')?.text).toBe('ReadWriteDocument');
      expect(child(root, 'Id')?.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    test('top-level elements come in the schema order', () => {
      const order = [
        'Id',
        'Version',
        'ProviderName',
        'DefaultLocale',
        'DisplayName',
        'Description',
        'IconUrl',
        'HighResolutionIconUrl',
        'SupportUrl',
        'AppDomains',
        'Hosts',
        'Requirements',
        'DefaultSettings',
        'Permissions',
        'VersionOverrides',
      ];
      expect(root.children.map((c) => c.tag)).toEqual(order);
    });

    test('every resid resolves to a resource, and resource ids are unique and at most 32 characters', () => {
      const resources = all(root, (n) => n.tag === 'Resources')[0] as Node;
      const ids = all(resources, (n) => n.attrs.id !== undefined && ['bt:Image', 'bt:Url', 'bt:String'].includes(n.tag)).map((n) => n.attrs.id as string);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
      const resids = all(root, (n) => n.attrs.resid !== undefined).map((n) => n.attrs.resid as string);
      expect(resids.length).toBeGreaterThan(10);
      expect(resids.filter((r) => !ids.includes(r))).toEqual([]);
    });

    test('declares the shared runtime first in the Host, then the custom-functions extension point, then the desktop commands', () => {
      const sets = all(root, (n) => n.tag === 'Set');
      expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toContainEqual(['SharedRuntime', '1.1']);
      const host = all(child(root, 'VersionOverrides') as Node, (n) => n.tag === 'Host')[0] as Node;
      expect(host.attrs['xsi:type']).toBe('Workbook');
      expect(host.children.map((c) => c.tag)).toEqual(['Runtimes', 'AllFormFactors', 'DesktopFormFactor']);
      const runtime = child(child(host, 'Runtimes'), 'Runtime') as Node;
      expect(runtime.attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });

      const point = child(child(host, 'AllFormFactors'), 'ExtensionPoint') as Node;
      expect(point.attrs['xsi:type']).toBe('CustomFunctions');
      expect(point.children.map((c) => c.tag)).toEqual(['Script', 'Page', 'Metadata', 'Namespace']);
      // The functions' page is the shared runtime's page.
      expect(child(child(point, 'Page'), 'SourceLocation')?.attrs.resid).toBe('Taskpane.Url');
      const namespace = all(root, (n) => n.tag === 'bt:String' && n.attrs.id === child(point, 'Namespace')?.attrs.resid)[0];
      expect(namespace?.attrs.DefaultValue).toBe('ABC');

      const desktop = child(host, 'DesktopFormFactor') as Node;
      expect(child(desktop, 'FunctionFile')?.attrs.resid).toBe('Taskpane.Url');
      const actions = all(desktop, (n) => n.tag === 'Action');
      expect(actions).toHaveLength(1);
      expect(child(actions[0], 'TaskpaneId')?.text).toBe('ABC.Taskpane');
      expect(child(actions[0], 'SourceLocation')?.attrs.resid).toBe('Taskpane.Url');
    });

    test('asks for requirement sets in the base manifest only, each once with a version (the levels: test/excel/requirements.test.ts)', () => {
      const sets = child(child(root, 'Requirements'), 'Sets') as Node;
      const declared = sets.children.filter((c) => c.tag === 'Set').map((s) => [s.attrs.Name, s.attrs.MinVersion]);
      expect(declared.map(([name]) => name).sort()).toEqual(['CustomFunctionsRuntime', 'ExcelApi', 'SharedRuntime']);
      for (const [, version] of declared) expect(version).toMatch(/^1\.\d+$/);
      // CustomFunctions.Error with a message needs 1.2; the functions return it for every #N/A and #VALUE!.
      expect(declared).toContainEqual(['CustomFunctionsRuntime', '1.2']);
      // Microsoft: a Requirements in VersionOverrides that repeats the base one has no effect, and one that
      // asks for more hides every ribbon command where it is missing.
      expect(all(child(root, 'VersionOverrides') as Node, (n) => n.tag === 'Requirements')).toEqual([]);
    });

    test('every URL is HTTPS and the icons exist in assets/', () => {
      const urls = manifestUrls(root);
      expect(urls.length).toBeGreaterThan(8);
      expect(urls.filter((u) => !u.startsWith('https://'))).toEqual([]);
      const icons = urls.filter((u) => u.endsWith('.png')).map((u) => u.slice(base.length));
      expect(icons.length).toBeGreaterThanOrEqual(5);
      for (const icon of icons) expect(fs.existsSync(path.join(filesRoot, icon))).toBe(true);
    });

    test("every address of the add-in lies under its URL, and the only AppDomain is the pages' origin", () => {
      // The AppDomain is an origin: the base without its path.
      expect(manifestUrls(root).filter((u) => !u.startsWith(base) && u !== new URL(base).origin)).toEqual([]);
      const domains = all(child(root, 'AppDomains') as Node, (n) => n.tag === 'AppDomain').map((n) => n.text);
      const page = child(child(root, 'DefaultSettings'), 'SourceLocation')?.attrs.DefaultValue ?? '';
      expect(page).toBe(`${base}taskpane.html`);
      expect(domains).toEqual([new URL(page).origin]);
    });
  });
}
