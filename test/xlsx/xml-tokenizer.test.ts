/**
 * The project's XML tokenizer against a maintained, conformance-tested parser (saxes, namespace-aware):
 * the same elements, namespaces, attributes and text, on every part of every workbook fixture and on
 * hand-written hostile XML; the same refusals of XML that is not namespace-well-formed; and the same
 * events whatever the pieces the text arrives in.
 */
import { promises as fs } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { decodePart, encodePart } from '../../src/xlsx/part-text';
import { XmlTokenizer } from '../../src/xlsx/xml-tokenizer';
import { writeInPieces } from './write-in-pieces';

type Event = string;

function attrKey(uri: string, local: string, value: string): string {
  return `${uri}|${local}=${JSON.stringify(value)}`;
}

/** Adjacent text events merged, as parsers may split text anywhere. */
function pushText(events: Event[], text: string): void {
  const last = events[events.length - 1];
  if (last !== undefined && last.startsWith('T ')) events[events.length - 1] = `T ${JSON.stringify(JSON.parse(last.slice(2)) + text)}`;
  else if (text !== '') events.push(`T ${JSON.stringify(text)}`);
}

function ours(xml: string, pieces: number[] = []): Event[] {
  const events: Event[] = [];
  let depth = 0;
  const t = new XmlTokenizer({
    startElement(tag) {
      depth++;
      const attrs = tag.attributes.map((a) => attrKey(a.uri, a.local, a.value)).sort();
      events.push(`S {${tag.uri}}${tag.local} [${attrs.join(' ')}]`);
    },
    endElement(tag) {
      depth--;
      events.push(`E {${tag.uri}}${tag.local}`);
    },
    text(text) {
      if (depth > 0) pushText(events, text);
    },
  });
  writeInPieces(t, xml, pieces);
  return events;
}

function theirs(xml: string): Event[] {
  const events: Event[] = [];
  let depth = 0;
  const p = new SaxesParser({ xmlns: true });
  let failure: Error | null = null;
  p.on('error', (e) => {
    failure ??= e;
  });
  p.on('opentag', (node) => {
    depth++;
    const attrs = Object.values(node.attributes)
      .filter((a) => a.prefix !== 'xmlns' && a.name !== 'xmlns')
      .map((a) => attrKey(a.uri, a.local, a.value))
      .sort();
    events.push(`S {${node.uri}}${node.local} [${attrs.join(' ')}]`);
  });
  p.on('closetag', (node) => {
    depth--;
    events.push(`E {${node.uri}}${node.local}`);
  });
  p.on('text', (text) => {
    if (depth > 0) pushText(events, text);
  });
  p.on('cdata', (text) => {
    if (depth > 0) pushText(events, text);
  });
  p.write(xml).close();
  if (failure !== null) throw failure;
  return events;
}

async function xmlParts(path: string): Promise<Array<[string, string]>> {
  const zip = await JSZip.loadAsync(await fs.readFile(path));
  const out: Array<[string, string]> = [];
  for (const name of Object.keys(zip.files).sort()) {
    if (!/\.(xml|rels|vml)$/i.test(name)) continue;
    const bytes = await zip.file(name)!.async('uint8array');
    out.push([name, decodePart(bytes).text]);
  }
  return out;
}

const FIXTURE_DIRS = [join(__dirname, '../fixtures/producers'), join(__dirname, 'fixtures')];

describe('the tokenizer gives the events saxes gives', () => {
  it('on every part of every workbook fixture', async () => {
    let parts = 0;
    for (const dir of FIXTURE_DIRS) {
      for (const file of (await fs.readdir(dir)).filter((f) => /\.xls[xm]$/.test(f))) {
        for (const [name, xml] of await xmlParts(join(dir, file))) {
          expect([file, name, ours(xml)]).toEqual([file, name, theirs(xml)]);
          parts++;
        }
      }
    }
    // Every producer's fixture holds at least workbook, rels, content types, styles and a sheet.
    expect(parts).toBeGreaterThan(100);
  });

  const HOSTILE: Array<[string, string]> = [
    ['a > inside attribute values, both quotes', `<a x="1>2" y='-- no --&gt;' z="&gt;"><b q='"'/></a>`],
    ['comments, a commented-out element, PIs', '<?xml version="1.0"?><!-- <x/> --><a><!--<definedName name="ABC_Pools">X</definedName>--><?pi data > more?><b/></a><!-- after -->'],
    ['CDATA with markup in it', '<a><![CDATA[<definedName>not an element</definedName> ]] >]]>tail</a>'],
    ['entities and character references', '<a v="&amp;&lt;&#65;&#x1F600;">&quot;&apos;&#x41;&#10;&gt;</a>'],
    ['line ends are normalised', '<a v="x\r\ny\tz">one\r\ntwo\rthree\n</a>'],
    ['prefixes declared on each element, as openpyxl writes them', '<w xmlns="M"><s><e xmlns:r="R" r:id="rId1" name="A"/><e xmlns:r="R" r:id="rId2" name="B"/></s></w>'],
    ['a prefix re-bound inside, and the default namespace undone', '<p:a xmlns:p="one"><p:b xmlns:p="two"><c xmlns="three"><d xmlns=""/></c></p:b><p:e/></p:a>'],
    ['same local name in two namespaces', '<a xmlns:x="X" xmlns:y="Y" x:id="1" y:id="2" id="3"/>'],
    ['strict and transitional namespaces side by side', '<workbook xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main" xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['a DOCTYPE is skipped', '<!DOCTYPE a [ <!ELEMENT a ANY> ]><a>x</a>'],
    ['white space inside tags', '<a\n  x = "1"\t y=\'2\'  ><b\n/></a  >'],
  ];
  it.each(HOSTILE)('on hostile XML: %s', (_label, xml) => {
    expect(ours(xml)).toEqual(theirs(xml));
  });

  const BROKEN: Array<[string, string]> = [
    ['an unbound element prefix', '<x:a/>'],
    ['an unbound attribute prefix', '<a r:id="1"/>'],
    ['a mismatched end tag', '<a><b></a></b>'],
    ['an unclosed element', '<a><b/>'],
    ['an unknown entity', '<a>&nbsp;</a>'],
    ['a duplicate attribute', '<a x="1" x="2"/>'],
    ['the same attribute through two prefixes', '<a xmlns:p="U" xmlns:q="U" p:x="1" q:x="2"/>'],
    ['text after the root', '<a/>text'],
    ['two roots', '<a/><b/>'],
    ['an unquoted attribute', '<a x=1/>'],
    ['a < in an attribute value', '<a x="<"/>'],
  ];
  it.each(BROKEN)('refuses what saxes refuses: %s', (_label, xml) => {
    expect(() => theirs(xml)).toThrow();
    expect(() => ours(xml)).toThrow();
  });

  it('gives the same events whatever pieces the text comes in', () => {
    // Every hostile case inside one root: the XML declaration and the DOCTYPE may only stand first.
    const xml = HOSTILE.filter(([label]) => !label.includes('DOCTYPE'))
      .map(([, x]) => x.replace('<?xml version="1.0"?>', ''))
      .join('');
    const doc = `<root xmlns:r="R">${xml}</root>`;
    const expected = theirs(doc);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 200 }), (pieces) => {
        expect(ours(doc, pieces)).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('part encodings', () => {
  it.each([
    ['UTF-8 with a byte order mark', { charset: 'utf-8', bom: true }],
    ['UTF-16 little-endian with a byte order mark', { charset: 'utf-16le', bom: true }],
    ['UTF-16 big-endian with a byte order mark', { charset: 'utf-16be', bom: true }],
    ['UTF-16 little-endian without one', { charset: 'utf-16le', bom: false }],
    ['UTF-16 big-endian without one', { charset: 'utf-16be', bom: false }],
  ] as const)('reads and writes back %s', (_label, encoding) => {
    const text = '<?xml version="1.0" encoding="UTF-16"?><a>東京 😀 €</a>';
    const bytes = encodePart(text, encoding);
    const decoded = decodePart(bytes);
    expect(decoded).toEqual({ text, encoding });
    expect(Buffer.compare(encodePart(decoded.text, decoded.encoding), bytes)).toBe(0);
    expect(ours(decoded.text)).toEqual(theirs(text));
  });
});
