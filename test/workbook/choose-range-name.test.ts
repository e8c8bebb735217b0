import { renderMessage } from '../../src/engine/messages';
import { chooseRangeName, type NameCandidate } from '../../src/workbook/choose-range-name';

const workbook = (formula: string, name = 'ABC_Volumes'): NameCandidate => ({ name, scopeSheet: null, formula });
const onSheet = (sheet: string, formula: string, name = 'ABC_Volumes'): NameCandidate => ({ name, scopeSheet: sheet, formula });

describe('choosing the defined name of a contract range', () => {
  test('no candidate: null, so the host looks for a table', () => {
    expect(chooseRangeName('ABC_Volumes', [])).toBeNull();
    // Other names are not candidates.
    expect(chooseRangeName('ABC_Volumes', [workbook('=Pools!$A$1:$D$4', 'ABC_Pools'), onSheet('Jan', '=Jan!$A$1:$C$9', 'ABC_Volumes2')])).toBeNull();
  });

  test('a workbook-scoped name is chosen', () => {
    const w = workbook('=Volumes!$A$1:$D$90');
    expect(chooseRangeName('ABC_Volumes', [w])).toEqual({ chosen: w });
  });

  test('a workbook-scoped name wins over sheet-scoped ones, wherever it is listed, silently', () => {
    const w = workbook('=Volumes!$A$1:$D$90', 'abc_volumes');
    const choice = chooseRangeName('ABC_Volumes', [onSheet('Jan', '=Jan!$A$1:$C$9'), onSheet('Feb', '=Feb!$A$1:$C$9'), w]);
    expect(choice).toEqual({ chosen: w });
  });

  test('a name on exactly one sheet is chosen; names match case-insensitively', () => {
    const s = onSheet('Costs', '=Costs!$A$1:$C$4', 'abc_customercosts');
    expect(chooseRangeName('ABC_CustomerCosts', [workbook('=X!$A$1', 'ABC_Customers'), s])).toEqual({ chosen: s });
  });

  test('the same sheet listed twice is still one sheet: its first name is chosen', () => {
    const first = onSheet('Jan', '=Jan!$A$1:$C$9');
    expect(chooseRangeName('ABC_Volumes', [first, onSheet('JAN', '=Jan!$A$1:$C$5')])).toEqual({ chosen: first });
  });

  test('names on two sheets and none for the workbook: AMBIGUOUS_RANGE_NAME naming both sheets', () => {
    const choice = chooseRangeName('ABC_Volumes', [onSheet('Jan', '=Jan!$A$1:$C$9'), onSheet('Feb', '=Feb!$A$1:$C$7', 'abc_volumes')]);
    expect(choice).toEqual({
      issue: expect.objectContaining({
        severity: 'error',
        code: 'AMBIGUOUS_RANGE_NAME',
        message: 'ABC_Volumes is defined on the sheets Jan and Feb and not for the whole workbook; keep one, or define it for the workbook.',
        where: { range: 'ABC_Volumes', value: 'Jan!ABC_Volumes, Feb!abc_volumes' },
      }),
    });
  });

  test('three sheets, one needing quotes: every sheet is named, in English and Dutch', () => {
    const choice = chooseRangeName('ABC_Settings', [
      onSheet('Jan', '=Jan!$A$1:$B$3', 'ABC_Settings'),
      onSheet('Feb', '=Feb!$A$1:$B$3', 'ABC_Settings'),
      onSheet('Mar 2024', "='Mar 2024'!$A$1:$B$3", 'ABC_Settings'),
    ]);
    if (choice === null || !('issue' in choice)) throw new Error('expected an issue');
    expect(choice.issue.where).toEqual({ range: 'ABC_Settings', value: "Jan!ABC_Settings, Feb!ABC_Settings, 'Mar 2024'!ABC_Settings" });
    expect(choice.issue.message).toBe(
      'ABC_Settings is defined on the sheets Jan, Feb and Mar 2024 and not for the whole workbook; keep one, or define it for the workbook.',
    );
    expect(renderMessage(choice.issue.text, 'nl')).toBe(
      'ABC_Settings is gedefinieerd op de bladen Jan, Feb en Mar 2024 en niet voor de hele werkmap; houd er één over, of definieer de naam voor de werkmap.',
    );
  });
});
