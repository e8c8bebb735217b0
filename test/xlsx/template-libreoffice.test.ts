/**
 * LibreOffice and the empty model's drop-downs: the template, filled in by openpyxl with two pools, is
 * converted to ODS, and LibreOffice's own content must show the Pool column of ABC_Activities validated
 * against PoolList, which it resolved to the pools table's column including the pool added below it.
 * The sample model, converted in the same run, keeps its drop-downs too. (One conversion: soffice is slow.)
 */
import { execFileSync, spawnSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { generateSampleModel } from '../../src/sample';
import { buildBlocksWorkbook } from '../../src/xlsx/write-sample';
import { parseXml, type XmlElement } from '../../src/xlsx/xml-tree';
import { fillTemplate, MODEL, PYTHON } from './template-fill';
import { tempDir } from './workbook-files';

const TABLE_NS = ['urn:oasis:names:tc:opendocument:xmlns:table:1.0'];

function descendants(el: XmlElement, local: string): XmlElement[] {
  return el.children.flatMap((c) => [...(c.local === local && TABLE_NS.includes(c.uri) ? [c] : []), ...descendants(c, local)]);
}

function tableAttr(el: XmlElement, local: string): string | undefined {
  return el.attributes.find((a) => a.local === local && TABLE_NS.includes(a.uri))?.value;
}

async function odsContent(path: string): Promise<XmlElement> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  return parseXml((await zip.file('content.xml')?.async('string')) ?? '');
}

const soffice = spawnSync('which', ['soffice']).status === 0;

describe('the empty model in LibreOffice', () => {
  (soffice && PYTHON !== null ? it : it.skip)('keeps the drop-downs, and the pool list covers a pool added to the table', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const path = join(dir, 'model.xlsx');
      const filled = join(dir, 'filled.xlsx');
      expect(await main(['--template', path], { out: () => undefined, err: () => undefined })).toBe(0);
      fillTemplate(path, filled, MODEL);
      const sample = join(dir, 'sample.xlsx');
      writeFileSync(sample, await buildBlocksWorkbook(generateSampleModel()));
      // Both files in one run of soffice.
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'ods', '--outdir', dir, filled, sample], { stdio: 'ignore', timeout: 120_000 });
      const content = await odsContent(join(dir, 'filled.ods'));

      const names = Object.fromEntries(descendants(content, 'named-expression').map((n) => [tableAttr(n, 'name'), tableAttr(n, 'expression')]));
      expect(names).toEqual({ PoolList: '[$Pools.$A$2:.$A$3]', DriverList: '[$Activities.$C$2:.$C$3]', CustomerList: '[$Customers.$A$2:.$A$3]' });

      const conditions = Object.fromEntries(descendants(content, 'content-validation').map((v) => [tableAttr(v, 'name'), tableAttr(v, 'condition')]));
      const sheet = descendants(content, 'table').find((t) => tableAttr(t, 'name') === 'Activities');
      // The second column's cells of the first data row carry the Pool drop-down.
      const row = descendants(sheet ?? content, 'table-row')[1];
      const cells = descendants(row ?? content, 'table-cell');
      const poolCell = cells[1];
      expect(conditions[tableAttr(poolCell ?? content, 'content-validation-name') ?? '']).toBe('of:cell-content-is-in-list(PoolList)');
      expect(Object.values(conditions)).toContain('of:cell-content-is-in-list("minutes";"hours")');

      // The sample's lists are the columns of its defined names, below their headers.
      const sampleContent = await odsContent(join(dir, 'sample.ods'));
      const sampleNames = Object.fromEntries(descendants(sampleContent, 'named-expression').map((n) => [tableAttr(n, 'name'), tableAttr(n, 'expression')]));
      expect(sampleNames.PoolList).toBe('OFFSET(ABC_Pools;1;0;ROWS(ABC_Pools)-1;1)');
      const sampleConditions = descendants(sampleContent, 'content-validation').map((v) => tableAttr(v, 'condition'));
      expect(sampleConditions).toEqual(expect.arrayContaining(['of:cell-content-is-in-list(PoolList)', 'of:cell-content-is-in-list(DriverList)']));
    } finally {
      cleanup();
    }
  }, 180_000);
});
