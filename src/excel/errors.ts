/**
 * Errors of the gateway as kinds the task pane can explain in the user's language, with what to do.
 * Errors from Excel carry a code (OfficeExtension.Error.code); this module is the one place that reads it.
 */

/** What went wrong, as far as the user can act on it. */
export type GatewayErrorKind =
  /** A sheet with a name the add-in needs belongs to the user. */
  | 'sheetTaken'
  /** The workbook already holds (part of) a model; inserting another would mix them. */
  | 'modelExists'
  /** A sheet or the workbook structure is protected. */
  | 'protected'
  /** A request was too large for Excel even after shrinking the chunks. */
  | 'payloadTooLarge'
  /** Excel is busy with a cell being edited. */
  | 'editMode'
  /** The connection to Excel (or to the workbook on the web) was lost. */
  | 'connection'
  /** The user pressed Cancel. */
  | 'cancelled'
  /** Anything else. */
  | 'unknown';

/** An error the task pane shows; `items` are the sheet or range names concerned, `detail` Excel's own text. */
export class GatewayError extends Error {
  override name = 'GatewayError';
  constructor(
    readonly kind: GatewayErrorKind,
    readonly items: readonly string[] = [],
    readonly detail: string | null = null,
  ) {
    super(detail === null ? kind : `${kind}: ${detail}`);
  }
}

/** The code of an Office.js error (`OfficeExtension.Error.code`), or null for other errors. */
export function officeErrorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** True when Excel refused a request or response as too large (Excel on the web allows about 5 MB). */
export function isPayloadTooLarge(err: unknown): boolean {
  const code = officeErrorCode(err);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded' || code === 'PayloadTooLarge';
}

const PROTECTION = /protect/i;

/** Turns whatever a batch threw into a GatewayError; a GatewayError passes through unchanged. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  const code = officeErrorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  if (isPayloadTooLarge(err)) return new GatewayError('payloadTooLarge', [], message);
  switch (code) {
    case 'AccessDenied':
    case 'WorkbookProtected':
    case 'SheetProtected':
      return new GatewayError('protected', [], message);
    case 'InvalidOperationInCellEditMode':
      return new GatewayError('editMode', [], message);
    case 'ConnectionFailure':
    case 'RequestAborted':
    case 'ServiceNotAvailable':
    case 'Timeout':
      return new GatewayError('connection', [], message);
    default:
      break;
  }
  if (PROTECTION.test(message)) return new GatewayError('protected', [], message);
  if (/network|connection|failed to fetch|offline/i.test(message)) return new GatewayError('connection', [], message);
  return new GatewayError('unknown', [], message);
}
