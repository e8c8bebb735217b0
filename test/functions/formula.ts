/**
 * A tiny test-only reader of ABC formulas: `ABC.NAME(arg, …)` with string literals ("a ""quoted"" word"),
 * numbers, TRUE/FALSE, empty arguments and array constants ({1,2;3,4}: commas separate columns,
 * semicolons rows). It evaluates the call against the pure implementations, as Excel would pass the
 * arguments: array constants as 2-D arrays, a left-out argument as null.
 */
import { callAbcFunction } from '../../src/functions/abc-functions';
import type { FunctionValue } from '../../src/functions/function-result';
import type { ModelIndex } from '../../src/functions/model-index';

type Arg = string | number | boolean | null | Array<Array<string | number | boolean | null>>;

/** A parsed call. */
export interface FormulaCall {
  id: string;
  args: Arg[];
}

/** Parses `ABC.NAME(args)`; a leading `=` is allowed. Throws on anything else (a test bug). */
export function parseFormula(formula: string): FormulaCall {
  const text = formula.trim().replace(/^=/, '');
  const head = /^ABC\.([A-Za-z]+)\(/i.exec(text);
  if (head === null || !text.endsWith(')')) throw new Error(`not an ABC call: ${formula}`);
  const reader = new Reader(text.slice(head[0].length, -1));
  const args: Arg[] = [];
  if (reader.rest().trim() !== '') {
    for (;;) {
      args.push(reader.argument());
      if (reader.done()) break;
      reader.expect(',');
    }
  }
  return { id: (head[1] as string).toUpperCase(), args };
}

/** Evaluates an ABC formula against an index. */
export function evaluateFormula(index: ModelIndex, formula: string): FunctionValue {
  const call = parseFormula(formula);
  return callAbcFunction(index, call.id, call.args);
}

class Reader {
  private pos = 0;
  constructor(private readonly text: string) {}

  rest(): string {
    return this.text.slice(this.pos);
  }

  done(): boolean {
    this.skipSpace();
    return this.pos >= this.text.length;
  }

  expect(ch: string): void {
    this.skipSpace();
    if (this.text[this.pos] !== ch) throw new Error(`expected ${ch} at ${this.pos} in ${this.text}`);
    this.pos += 1;
  }

  argument(): Arg {
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === undefined || ch === ',') return null;
    if (ch === '{') return this.array();
    return this.scalar();
  }

  private array(): Arg {
    this.expect('{');
    const rows: Array<Array<string | number | boolean | null>> = [[]];
    for (;;) {
      (rows[rows.length - 1] as Array<string | number | boolean | null>).push(this.scalar());
      this.skipSpace();
      const sep = this.text[this.pos];
      this.pos += 1;
      if (sep === '}') return rows;
      if (sep === ';') rows.push([]);
      else if (sep !== ',') throw new Error(`bad array constant in ${this.text}`);
    }
  }

  private scalar(): string | number | boolean | null {
    this.skipSpace();
    if (this.text[this.pos] === '"') return this.string();
    const m = /^(TRUE|FALSE|[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?)/i.exec(this.rest());
    if (m === null) throw new Error(`bad value at ${this.pos} in ${this.text}`);
    this.pos += m[0].length;
    const word = m[0].toUpperCase();
    return word === 'TRUE' ? true : word === 'FALSE' ? false : Number(m[0]);
  }

  private string(): string {
    let out = '';
    this.pos += 1;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) throw new Error(`unterminated string in ${this.text}`);
      this.pos += 1;
      if (ch === '"') {
        if (this.text[this.pos] !== '"') return out;
        this.pos += 1;
      }
      out += ch;
    }
  }

  private skipSpace(): void {
    while (this.text[this.pos] === ' ') this.pos += 1;
  }
}
