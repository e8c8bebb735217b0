/** docs/workbook-contract.md is the public contract: it must list every header and every issue code the code knows. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CONTRACT_HEADERS, CONTRACT_RANGES } from '../../src/workbook/contract';
import { SETTING_NAMES, SUPPORT_METHOD_VALUES, UNUSED_CAPACITY_VALUES } from '../../src/workbook/read-settings';

const root = join(__dirname, '..', '..');
const docs = readFileSync(join(root, 'docs', 'workbook-contract.md'), 'utf8');

test('every range and every header alias is documented', () => {
  for (const name of CONTRACT_RANGES) {
    expect(docs).toContain(`## ${name}`);
    for (const col of CONTRACT_HEADERS[name].columns) {
      for (const header of [col.en, col.nl, ...col.also]) expect(docs).toContain(header);
    }
  }
});

test('every setting and its values are documented', () => {
  for (const s of SETTING_NAMES) {
    expect(docs).toContain(s.en);
    expect(docs).toContain(s.nl);
  }
  for (const v of [...UNUSED_CAPACITY_VALUES, ...SUPPORT_METHOD_VALUES]) {
    expect(docs).toContain(`\`${v.en}\``);
    expect(docs).toContain(`\`${v.nl}\``);
  }
});

test('every issue code is documented', () => {
  const source = readFileSync(join(root, 'src', 'engine', 'issues.ts'), 'utf8');
  const union = /export type IssueCode =([\s\S]*?);/.exec(source)?.[1] ?? '';
  const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
  expect(codes.length).toBeGreaterThan(30);
  for (const code of codes) expect(docs).toContain(`| \`${code}\` |`);
});
