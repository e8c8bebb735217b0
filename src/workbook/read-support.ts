/** `ABC_Support`: support pools passing their cost on to other pools, by a share or a quantity (issue 19). */
import { type Dec, ZERO } from '../engine/decimal';
import { msg } from '../engine/messages';
import type { SupportLinkInput } from '../engine/support/types';
import { showValue } from './cells';
import { CONTRACT_HEADERS } from './contract-spec';
import { matchHeaders, reportMissingColumn } from './headers';
import { INVALID, type Invalid, type RangeReader, type RangeRows } from './range-reader';

/**
 * Reads the support links. A row's `where` is its From cell; `fromWhere` and `toWhere` are its From and To
 * cells. A row must fill exactly one of Share and Quantity: neither is NO_SHARE_OR_QUANTITY, both is
 * SHARE_AND_QUANTITY (located at the whole row). A Share must be above 0 and at most 1 (70% or 0.7, as an
 * activity's Share); a Quantity must be a number ≥ 0. Such rows are kept (a bad share as 0, both filled as
 * the share alone), so that the From pool still counts as a support pool and its other links are checked
 * without follow-on errors; a row whose From or To is blank or an error value is dropped after its error.
 * Unknown pools, self-links, shares summing above 1 and loops are the engine's to check (they need all rows).
 */
export function readSupport(reader: RangeReader): RangeRows<SupportLinkInput> {
  const spec = CONTRACT_HEADERS.ABC_Support;
  const match = matchHeaders(reader, spec);
  const from = match.columns.get('from');
  const to = match.columns.get('to');
  const share = match.columns.get('share');
  const quantity = match.columns.get('quantity');
  if (share === undefined && quantity === undefined) {
    const shareColumn = spec.columns.find((c) => c.key === 'share');
    if (shareColumn !== undefined) reportMissingColumn(reader, shareColumn, 'noSupportBasisColumn');
  }

  const rows: SupportLinkInput[] = [];
  const dataRows = reader.forEachDataRow((r) => {
    if (from === undefined || to === undefined || (share === undefined && quantity === undefined)) return;
    const fromName = reader.requiredText(r, from, 'poolName');
    const toName = reader.requiredText(r, to, 'poolName');
    const shareValue = share === undefined ? null : readShare(reader, r, share);
    const quantityValue = quantity === undefined ? null : reader.number(r, quantity, { allowNegative: false });
    if (shareValue === null && quantityValue === null) {
      reader.report('error', 'NO_SHARE_OR_QUANTITY', msg('noShareOrQuantity', { from: fromName, to: toName }), r, -1, reader.rowWhere(r));
    } else if (shareValue !== null && quantityValue !== null) {
      reader.report('error', 'SHARE_AND_QUANTITY', msg('shareAndQuantity', { from: fromName, to: toName }), r, -1, reader.rowWhere(r));
    }
    if (fromName === null || toName === null) return;
    rows.push({
      from: fromName,
      to: toName,
      ...basis(shareValue, quantityValue),
      where: reader.where(r, from),
      fromWhere: reader.where(r, from),
      toWhere: reader.where(r, to),
    });
  });
  return { rows, dataRows };
}

/** A Share cell: null when blank; INVALID (reported) when it is no number, negative, 0 or above 1. */
function readShare(reader: RangeReader, r: number, column: number): Dec | null | Invalid {
  const value = reader.number(r, column, { allowNegative: false, percentText: true });
  if (value === null || value === INVALID) return value;
  if (value.isZero() || value.greaterThan(1)) {
    reader.report('error', 'SHARE_OUT_OF_RANGE', msg('shareOutOfRange', { column: reader.columnRef(column), found: showValue(reader.cell(r, column)) }), r, column);
    return INVALID;
  }
  return value;
}

/**
 * The row's share or quantity as the engine takes them: exactly one given. A reported cell counts as
 * filled and reads as 0; both filled keeps the share (the row is an error already).
 */
function basis(share: Dec | null | Invalid, quantity: Dec | null | Invalid): { share: Dec | null; quantity: Dec | null } {
  if (share !== null) return { share: share === INVALID ? ZERO : share, quantity: null };
  if (quantity !== null) return { share: null, quantity: quantity === INVALID ? ZERO : quantity };
  return { share: ZERO, quantity: null };
}
