/**
 * How the fake Excel misbehaves the way the real one does, kept apart from fake-excel.ts, whose `sync` calls
 * `beforeSync` once per request and passes every error through `localize`:
 * - a request can hang: Excel on the web may not answer while it opens a workbook with many formulas;
 * - while the user edits a cell, a request fails with InvalidOperationInCellEditMode, unless its batch was
 *   run with `delayForCellEdit` (ExcelApi 1.11) and the host supports it: then it waits for the edit to end;
 * - a request over a given size can fail with GeneralException, as Excel desktop may answer a big one;
 * - error messages come in the display language ('en' or 'nl'), the codes never change.
 * A sync with nothing queued never reaches Excel (Office.js answers it itself), so none of this touches it.
 * Request sizes are counted as they travel: the UTF-8 bytes of each operation's JSON plus its envelope.
 * No Node or DOM imports: the browser test bundles this file too.
 */
import { FakeOfficeError } from './fake-excel';

export type FakeLanguage = 'en' | 'nl';

/** What Office.js adds around each operation (ids, action type, object path), roughly. */
export const OPERATION_ENVELOPE_BYTES = 100;

/** The UTF-8 length of a string. */
function utf8(text: string): number {
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    n += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The bytes one queued operation adds to a request: its payload as JSON in UTF-8, and its envelope. */
export function operationBytes(payload: unknown): number {
  return (payload === undefined ? 0 : utf8(JSON.stringify(payload))) + OPERATION_ENVELOPE_BYTES;
}

/** The messages of the codes the fake throws, in Dutch as a Dutch Excel gives them (the English ones stay the fake's own). */
const DUTCH: Readonly<Record<string, string>> = {
  AccessDenied: 'U kunt de gevraagde bewerking niet uitvoeren. Het blad of de werkmap is beveiligd.',
  ApiNotFound: 'De API die u probeert te gebruiken, is niet gevonden.',
  GeneralException: 'Er is een interne fout opgetreden bij het verwerken van de aanvraag.',
  InsertDeleteConflict: 'De poging tot invoegen of verwijderen heeft geleid tot een conflict.',
  InvalidArgument: 'Het argument is ongeldig, ontbreekt of heeft een onjuiste indeling.',
  InvalidOperation: 'De bewerking is ongeldig voor dit object.',
  InvalidOperationInCellEditMode:
    'Excel is in de celbewerkingsmodus. Sluit de bewerkingsmodus door op ENTER of TAB te drukken of een andere cel te selecteren. Probeer het vervolgens opnieuw.',
  InvalidReference: 'Deze verwijzing is niet geldig voor de huidige bewerking.',
  ItemAlreadyExists: 'De resource die wordt gemaakt, bestaat al.',
  ItemNotFound: 'De gevraagde resource bestaat niet.',
  NotImplemented: 'De gevraagde functie is niet geïmplementeerd.',
  PropertyNotLoaded: 'De eigenschap is niet beschikbaar. Roep eerst load en sync aan.',
  RequestPayloadSizeLimitExceeded: 'De grootte van de nettolading van de aanvraag heeft de limiet overschreden.',
  ResponsePayloadSizeLimitExceeded: 'De grootte van de nettolading van het antwoord heeft de limiet overschreden.',
  ServiceNotAvailable: 'De service is niet beschikbaar.',
  UnsupportedOperation: 'De bewerking die wordt geprobeerd, wordt niet ondersteund.',
};

const ENGLISH_CELL_EDIT = 'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.';

/** One request as `beforeSync` sees it. */
export interface FakeRequest {
  operations: number;
  requestBytes: number;
  /** The batch was run with `{ delayForCellEdit: true }`. */
  delayForCellEdit: boolean;
}

/** The faults of one fake workbook (`book.faults`). */
export class FakeFaults {
  /** Requests hang, never answered, while true. */
  hang = false;
  /** Whether the host honours `delayForCellEdit` (Office.js sets it only where the DelayForCellEdit set is supported). */
  supportsDelayForCellEdit = true;
  /** Requests over this many bytes fail with GeneralException; null: never. */
  generalExceptionOverBytes: number | null = null;
  /** The language of error messages. */
  language: FakeLanguage = 'en';
  /** What happened, for the tests. */
  readonly log = { hung: 0, refusedInCellEdit: 0, delayedForCellEdit: 0, generalExceptions: 0 };

  private edit: { ended: Promise<void>; end: () => void } | null = null;
  private waiting = 0;
  private waiters: Array<() => void> = [];

  /** The user starts editing a cell (double-click, F2, typing). */
  startEditing(): void {
    if (this.edit !== null) return;
    let end = (): void => undefined;
    const ended = new Promise<void>((resolve) => {
      end = resolve;
    });
    this.edit = { ended, end };
  }

  /** The user leaves the cell (Enter, Tab, Esc): requests held for the edit go on. */
  finishEditing(): void {
    const edit = this.edit;
    this.edit = null;
    edit?.end();
  }

  get editing(): boolean {
    return this.edit !== null;
  }

  /** The number of requests hanging or held for a cell edit right now. */
  get waitingRequests(): number {
    return this.waiting;
  }

  /** Resolves once a request is hanging or held (at once when one already is). */
  whenWaiting(): Promise<void> {
    if (this.waiting > 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Called by the fake's `sync` before it runs a request's operations; may wait for ever, or throw. */
  async beforeSync(request: FakeRequest): Promise<void> {
    if (request.operations === 0) return;
    if (this.hang) {
      this.log.hung += 1;
      this.startWaiting();
      await new Promise<never>(() => undefined);
    }
    const edit = this.edit;
    if (edit !== null) {
      if (!request.delayForCellEdit || !this.supportsDelayForCellEdit) {
        this.log.refusedInCellEdit += 1;
        throw new FakeOfficeError('InvalidOperationInCellEditMode', ENGLISH_CELL_EDIT);
      }
      this.log.delayedForCellEdit += 1;
      this.startWaiting();
      await edit.ended;
      this.waiting -= 1;
    }
    if (this.generalExceptionOverBytes !== null && request.requestBytes > this.generalExceptionOverBytes) {
      this.log.generalExceptions += 1;
      throw new FakeOfficeError('GeneralException', 'There was an internal error while processing the request.');
    }
  }

  /** The error as Excel in `language` gives it: same code, the message in that language. */
  localize(err: unknown): unknown {
    if (this.language === 'en' || !(err instanceof FakeOfficeError)) return err;
    return new FakeOfficeError(err.code, DUTCH[err.code] ?? 'Er is een fout opgetreden.');
  }

  private startWaiting(): void {
    this.waiting += 1;
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }
}
