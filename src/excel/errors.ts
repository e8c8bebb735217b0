/**
 * Errors of the gateway as kinds the task pane can explain in the user's language, with what to do.
 * Errors from Excel are told apart by their code (`OfficeExtension.Error.code`) and nothing else: the
 * message is in Excel's display language (a Dutch Excel says "beveiligd", not "protected") and, as
 * Microsoft says, not meant for classifying. This module is the one place that reads the code.
 */

/** What went wrong, as far as the user can act on it. */
export type GatewayErrorKind =
  /** A sheet with a name the add-in needs belongs to the user. */
  | 'sheetTaken'
  /** A table or workbook name of the user's (`items`) has a name the report gives its tables and figures (`ABC_PnL`). */
  | 'nameTaken'
  /** The workbook already holds (part of) a model; inserting another would mix them. */
  | 'modelExists'
  /** The workbook has an `ABC_Volumes` an import did not write (`items`: the name with what it points at); importing would replace the user's. */
  | 'volumesExist'
  /** A sheet or the workbook structure is protected; `items` name the protected sheets (none: the workbook's structure). */
  | 'protected'
  /** An import has more rows (`items`: the count with its header) than a sheet holds (1,048,576); nothing was written. */
  | 'tooManyRows'
  /** A refresh stopped while updating the report sheets in place (`items`); they say so in A1, the next Refresh finishes them. */
  | 'reportIncomplete'
  /** A request was too large for Excel even after shrinking the chunks. */
  | 'payloadTooLarge'
  /** Excel is busy with a cell being edited. */
  | 'editMode'
  /** The connection to Excel (or to the workbook on the web) was lost. */
  | 'connection'
  /** Excel did not answer a sync within the time limit (see context.ts). */
  | 'timeout'
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

  /** True when the same request may well succeed later (Excel was busy, slow or unreachable). */
  get retryable(): boolean {
    return this.kind === 'timeout' || this.kind === 'editMode' || this.kind === 'connection';
  }
}

/**
 * The codes of `Excel.ErrorCodes` and `OfficeExtension.ErrorCodes` the gateway tells apart; every other
 * code is `unknown`, shown with Excel's own message.
 */
const KIND_OF_CODE: ReadonlyMap<string, GatewayErrorKind> = new Map<string, GatewayErrorKind>([
  // A protected sheet or workbook structure, or a read-only workbook.
  ['AccessDenied', 'protected'],
  ['InvalidOperationInCellEditMode', 'editMode'],
  ['RequestPayloadSizeLimitExceeded', 'payloadTooLarge'],
  ['ResponsePayloadSizeLimitExceeded', 'payloadTooLarge'],
  // Excel on the web lost its session or its service, or is throttling the add-in.
  ['ConnectionFailure', 'connection'],
  ['RequestAborted', 'connection'],
  ['ServiceNotAvailable', 'connection'],
  ['ActivityLimitReached', 'connection'],
  ['Unauthenticated', 'connection'],
]);

/** The code of an Office.js error (`OfficeExtension.Error.code`), or null for other errors. */
export function officeErrorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null) return null;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** True when Excel refused a request or response as too large (Excel on the web allows 5 MB). */
export function isPayloadTooLarge(err: unknown): boolean {
  const code = officeErrorCode(err);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** True for Excel's catch-all GeneralException, which Excel may also answer to a request it finds too big. */
export function isGeneralException(err: unknown): boolean {
  return officeErrorCode(err) === 'GeneralException';
}

/** Turns whatever a batch threw into a GatewayError; a GatewayError passes through unchanged. */
export function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  const code = officeErrorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  const kind = code === null ? undefined : KIND_OF_CODE.get(code);
  return new GatewayError(kind ?? 'unknown', [], message);
}
