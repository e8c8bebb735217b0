/**
 * A large workbook for the runner's benchmark: the sample wholesaler with its long-form volumes grown to
 * a million rows, laid out as Excel itself would save it (text in shared strings, one unique order
 * reference per row, dates as styled serial numbers) under a whole-column name `Transactions!$A:$E`.
 *
 * The small sheets come from the sample writer; the big sheet and the shared strings are written here as
 * XML text, because building a million rows through a spreadsheet library would take longer than the
 * run being measured.
 */
import JSZip from 'jszip';
import { generateSampleModel } from '../sample/index';
import { buildBlocksWorkbook } from '../xlsx/write-sample';

const VOLUMES_SHEET = 'Transactions';

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The package path of a worksheet, found through the workbook's relationships. */
async function sheetPart(zip: JSZip, sheet: string): Promise<string> {
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const tag = [...wb.matchAll(/<sheet [^>]*\/>/g)].map((m) => m[0]).find((t) => t.includes(`name="${esc(sheet)}"`));
  const rid = tag === undefined ? undefined : /r:id="([^"]+)"/.exec(tag)?.[1];
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const rel = [...rels.matchAll(/<Relationship [^>]*\/>/g)].map((m) => m[0]).find((t) => t.includes(`Id="${rid ?? ''}"`));
  const target = rel === undefined ? undefined : /Target="([^"]+)"/.exec(rel)?.[1];
  if (target === undefined) throw new Error(`The sample workbook has no sheet ${sheet}.`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/**
 * The bytes of the sample workbook with `rows` long-form volume rows (the sample's own rows repeated,
 * each with its own order reference).
 */
export async function buildBigVolumesWorkbook(rows: number): Promise<Buffer> {
  const blocks = generateSampleModel();
  const volumes = blocks.find((b) => b.sheet === VOLUMES_SHEET);
  if (volumes === undefined || volumes.rows.length < 2) throw new Error('The sample has no volumes.');
  const pattern = volumes.rows.slice(1);
  // The sheet is written with its header and one row, for the styles the sample gives its columns.
  const small = blocks.map((b) => (b === volumes ? { ...b, rows: b.rows.slice(0, 2) } : b));
  const zip = await JSZip.loadAsync(await buildBlocksWorkbook(small));

  const part = await sheetPart(zip, VOLUMES_SHEET);
  const xml = await zip.file(part)!.async('string');
  const dataStart = xml.indexOf('<sheetData>');
  const dataEnd = xml.indexOf('</sheetData>');
  const head = xml.slice(0, dataStart).replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="A1:E${rows + 1}"/>`);
  const header = /<row r="1"[\s\S]*?<\/row>/.exec(xml)?.[0] ?? '';
  const style = (col: string): string => {
    const s = new RegExp(`<c r="${col}2"[^>]*? s="(\\d+)"`).exec(xml)?.[1];
    return s === undefined ? '' : ` s="${s}"`;
  };
  const [sA, sC, sE] = [style('A'), style('C'), style('E')];

  const sstPath = 'xl/sharedStrings.xml';
  const sst = await zip.file(sstPath)!.async('string');
  const items = [...sst.matchAll(/<si>[\s\S]*?<\/si>/g)].map((m) => m[0]);
  const index = new Map<string, number>();
  items.forEach((item, i) => {
    const plain = /^<si><t(?: [^>]*)?>([^<]*)<\/t><\/si>$/.exec(item)?.[1];
    if (plain !== undefined && !index.has(plain)) index.set(plain, i);
  });
  const stringIndex = (text: string): number => {
    const key = esc(text);
    let i = index.get(key);
    if (i === undefined) {
      i = items.length;
      items.push(`<si><t>${key}</t></si>`);
      index.set(key, i);
    }
    return i;
  };

  const chunks: Buffer[] = [Buffer.from(`${head}<sheetData>${header}`)];
  let batch: string[] = [];
  let references = 0;
  for (let i = 0; i < rows; i++) {
    const v = pattern[i % pattern.length]!;
    const r = i + 2;
    const refIndex = items.length;
    items.push(`<si><t>SO-${String(1_000_000 + i)}</t></si>`);
    references++;
    batch.push(
      `<row r="${r}" spans="1:5"><c r="A${r}"${sA}><v>${String(v[0])}</v></c><c r="B${r}" t="s"><v>${stringIndex(String(v[1]))}</v></c>` +
        `<c r="C${r}"${sC}><v>${String(v[2])}</v></c><c r="D${r}" t="s"><v>${refIndex}</v></c><c r="E${r}"${sE}><v>${String(v[4])}</v></c></row>`,
    );
    if (batch.length === 20_000) {
      chunks.push(Buffer.from(batch.join('')));
      batch = [];
    }
  }
  chunks.push(Buffer.from(`${batch.join('')}</sheetData>${xml.slice(dataEnd + '</sheetData>'.length)}`));
  zip.file(part, Buffer.concat(chunks));

  const sstOpen = /<sst\b[^>]*>/.exec(sst)?.[0] ?? '';
  const count = Number(/count="(\d+)"/.exec(sstOpen)?.[1] ?? '0') + references + rows;
  const newOpen = sstOpen.replace(/ count="\d+"/, ` count="${count}"`).replace(/uniqueCount="\d+"/, `uniqueCount="${items.length}"`);
  zip.file(sstPath, Buffer.from(`${sst.slice(0, sst.indexOf(sstOpen))}${newOpen}${items.join('')}</sst>`));

  const wb = await zip.file('xl/workbook.xml')!.async('string');
  zip.file('xl/workbook.xml', Buffer.from(wb.replace(/(<definedName name="ABC_Volumes">)[^<]*/, '$1Transactions!$A:$E'), 'utf8'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
