/**
 * Why a file handed to the runner cannot be costed, as data: the reader decides what the file is (see
 * file-kind.ts), and the sentence is rendered in the run's language only when it is printed. A workbook
 * that cannot be read has no Language setting, so `--lang` alone decides.
 */
import type { MessageLanguage } from '../engine/message-args';
import type { ByteKind, PackageKind } from './file-kind';
import type { ZipAmbiguity } from './zip-reader';

/** What is wrong with the input file. */
export type FileProblem =
  | { kind: Exclude<ByteKind, 'zip' | 'unknown'> }
  | { kind: PackageKind }
  /** Starts like a zip, but its structure cannot be read. */
  | { kind: 'damaged-zip' }
  /** A zip that readers would read differently (see zip-consistency.ts): refused, never guessed. */
  | { kind: 'ambiguous-zip'; reason: ZipAmbiguity; part: string }
  /** Neither a zip nor text. */
  | { kind: 'not-a-zip' }
  | { kind: 'no-workbook-part'; part: string }
  | { kind: 'folder' }
  /** A FIFO, socket or device: reading it could wait forever for bytes that never come. */
  | { kind: 'not-a-regular-file' }
  | { kind: 'no-such-file' }
  | { kind: 'permission-denied' }
  /** The operating system's or a library's own words, when nothing better is known. */
  | { kind: 'read-failed'; detail: string }
  | { kind: 'damaged-part'; detail: string }
  /** A part read whole inflates to more than its bound (see part-limits.ts): a zip bomb, or a workbook bloated past use. */
  | { kind: 'part-too-large'; part: string; limitMb: number };

type FileProblemKind = FileProblem['kind'];

/** One language's sentences, one per kind: a kind without its Dutch sentence does not compile. */
type FileProblemText = { readonly [K in FileProblemKind]: (path: string, problem: Extract<FileProblem, { kind: K }>) => string };

const AMBIGUITY_EN: Readonly<Record<ZipAmbiguity, (part: string) => string>> = {
  duplicate: (part) => `it holds the part ${part} twice (two zip entries of that name, letter case ignored)`,
  'local-header': (part) => `its zip describes the part ${part} in two different ways (name, compression or size)`,
  'directory-count': () => 'its zip directory lists more parts than its end record counts',
};

const AMBIGUITY_NL: Readonly<Record<ZipAmbiguity, (part: string) => string>> = {
  duplicate: (part) => `het bevat het onderdeel ${part} twee keer (twee zip-items met die naam, hoofdletters niet meegeteld)`,
  'local-header': (part) => `de zip beschrijft het onderdeel ${part} op twee verschillende manieren (naam, compressie of grootte)`,
  'directory-count': () => 'de zip-inhoudsopgave noemt meer onderdelen dan het eindrecord telt',
};

const OPEN_AND_SAVE_EN = 'open it in Excel and save it as .xlsx (Excel Workbook)';
const RUN_ON_WORKBOOK_EN = 'run on the Excel workbook (.xlsx) that holds the model';

const EN: FileProblemText = {
  empty: (p) => `${p} is an empty file (0 bytes), not a workbook; save or copy the workbook again and run on the new copy.`,
  xls: (p) => `${p} is an Excel 97-2003 workbook (.xls), which the runner cannot read; ${OPEN_AND_SAVE_EN}.`,
  encrypted: (p) =>
    `${p} is password-protected (encrypted), so it cannot be read; open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it) and save it.`,
  'ole-other': (p) => `${p} is an old-format Office file, not an .xlsx workbook; open it in the program that made it and save the model as .xlsx (Excel Workbook).`,
  pdf: (p) => `${p} is a PDF document, not a workbook; ${RUN_ON_WORKBOOK_EN}.`,
  html: (p) => `${p} is not an .xlsx workbook but a web page (HTML, as some programs export under the name .xls); ${OPEN_AND_SAVE_EN}.`,
  'spreadsheetml-2003': (p) => `${p} is not an .xlsx workbook but an Excel 2003 XML spreadsheet; ${OPEN_AND_SAVE_EN}.`,
  'flat-ods': (p) => `${p} is a flat OpenDocument spreadsheet (.fods), not an .xlsx workbook; save it as .xlsx (Excel 2007-365) in LibreOffice.`,
  xml: (p) => `${p} is not an .xlsx workbook but an XML file; ${RUN_ON_WORKBOOK_EN}.`,
  text: (p) => `${p} is not an .xlsx workbook but a text file (such as CSV); ${OPEN_AND_SAVE_EN}.`,
  xlsb: (p) => `${p} is an Excel binary workbook (.xlsb): binary workbooks are not supported; save it as .xlsx (Excel Workbook) in Excel.`,
  ods: (p) => `${p} is an OpenDocument spreadsheet (.ods), not an .xlsx workbook; save it as .xlsx (Excel 2007-365) in LibreOffice.`,
  'opendocument-other': (p) => `${p} is an OpenDocument file but not a spreadsheet; run on the workbook (.xlsx) that holds the model.`,
  numbers: (p) => `${p} is an Apple Numbers (iWork) file, not an .xlsx workbook; in Numbers choose File > Export To > Excel and run on the .xlsx it makes.`,
  docx: (p) => `${p} is a Word document, not a workbook; ${RUN_ON_WORKBOOK_EN}.`,
  pptx: (p) => `${p} is a PowerPoint presentation, not a workbook; ${RUN_ON_WORKBOOK_EN}.`,
  'zipped-workbook': (p) => `${p} is a zip archive holding a workbook, not a workbook itself; unzip it and run on the .xlsx inside.`,
  'damaged-zip': (p) =>
    `${p} is a damaged or incomplete .xlsx file (its zip structure cannot be read); copy it again, or open it in Excel, let Excel repair it and save it.`,
  'ambiguous-zip': (p, { reason, part }) => `${p} is damaged: ${AMBIGUITY_EN[reason](part)}, so programs differ in what they read from it and it is refused; open it in Excel, let Excel repair it and save it.`,
  'not-a-zip': (p) => `${p} is not an .xlsx workbook (its content is neither a zip package nor text); save the model as .xlsx (Excel Workbook) and run on that file.`,
  'no-workbook-part': (p, { part }) => `${p} is a zip file but not an .xlsx workbook (it has no ${part}); save the model as .xlsx (Excel Workbook) and run on that file.`,
  folder: (p) => `${p} is a folder, not a workbook; give the path of the .xlsx file.`,
  'not-a-regular-file': (p) => `${p} is not a regular file (it is a pipe, socket or device), so it cannot be read as a workbook; save the workbook as a file and give the path of that file.`,
  'no-such-file': (p) => `Cannot read ${p}: no such file.`,
  'permission-denied': (p) => `Cannot read ${p}: permission denied.`,
  'read-failed': (p, { detail }) => `Cannot read ${p}: ${detail}`,
  'damaged-part': (p, { detail }) => `${p} could not be read as an .xlsx workbook: ${detail}`,
  'part-too-large': (p, { part, limitMb }) =>
    `${p} cannot be read: its part ${part} unpacks to more than ${limitMb} MB, the most the runner reads of that part; if the workbook is genuine, remove what makes that part so large (unused styles, text or objects) and save it again.`,
};

const OPEN_AND_SAVE_NL = 'open het in Excel en sla het op als .xlsx (Excel-werkmap)';
const RUN_ON_WORKBOOK_NL = 'geef de Excel-werkmap (.xlsx) op die het model bevat';

const NL: FileProblemText = {
  empty: (p) => `${p} is een leeg bestand (0 bytes), geen werkmap; sla de werkmap opnieuw op of kopieer hem opnieuw, en geef de nieuwe kopie op.`,
  xls: (p) => `${p} is een Excel 97-2003-werkmap (.xls), die de runner niet kan lezen; ${OPEN_AND_SAVE_NL}.`,
  encrypted: (p) =>
    `${p} is beveiligd met een wachtwoord (versleuteld) en kan dus niet worden gelezen; open het in Excel, verwijder het wachtwoord (Bestand > Info > Werkmap beveiligen > Versleutelen met wachtwoord, maak het leeg) en sla het op.`,
  'ole-other': (p) => `${p} is een Office-bestand in een oud formaat, geen .xlsx-werkmap; open het in het programma dat het maakte en sla het model op als .xlsx (Excel-werkmap).`,
  pdf: (p) => `${p} is een PDF-document, geen werkmap; ${RUN_ON_WORKBOOK_NL}.`,
  html: (p) => `${p} is geen .xlsx-werkmap maar een webpagina (HTML, zoals sommige programma's onder de naam .xls exporteren); ${OPEN_AND_SAVE_NL}.`,
  'spreadsheetml-2003': (p) => `${p} is geen .xlsx-werkmap maar een Excel 2003 XML-spreadsheet; ${OPEN_AND_SAVE_NL}.`,
  'flat-ods': (p) => `${p} is een plat OpenDocument-rekenblad (.fods), geen .xlsx-werkmap; sla het in LibreOffice op als .xlsx (Excel 2007-365).`,
  xml: (p) => `${p} is geen .xlsx-werkmap maar een XML-bestand; ${RUN_ON_WORKBOOK_NL}.`,
  text: (p) => `${p} is geen .xlsx-werkmap maar een tekstbestand (zoals CSV); ${OPEN_AND_SAVE_NL}.`,
  xlsb: (p) => `${p} is een binaire Excel-werkmap (.xlsb): binaire werkmappen worden niet ondersteund; sla hem in Excel op als .xlsx (Excel-werkmap).`,
  ods: (p) => `${p} is een OpenDocument-rekenblad (.ods), geen .xlsx-werkmap; sla het in LibreOffice op als .xlsx (Excel 2007-365).`,
  'opendocument-other': (p) => `${p} is een OpenDocument-bestand maar geen rekenblad; geef de werkmap (.xlsx) op die het model bevat.`,
  numbers: (p) => `${p} is een Apple Numbers-bestand (iWork), geen .xlsx-werkmap; kies in Numbers Archief > Exporteer naar > Excel en geef de .xlsx op die dat maakt.`,
  docx: (p) => `${p} is een Word-document, geen werkmap; ${RUN_ON_WORKBOOK_NL}.`,
  pptx: (p) => `${p} is een PowerPoint-presentatie, geen werkmap; ${RUN_ON_WORKBOOK_NL}.`,
  'zipped-workbook': (p) => `${p} is een zip-archief met een werkmap erin, niet zelf een werkmap; pak het uit en geef de .xlsx erin op.`,
  'damaged-zip': (p) =>
    `${p} is een beschadigd of onvolledig .xlsx-bestand (de zip-structuur is onleesbaar); kopieer het opnieuw, of open het in Excel, laat Excel het herstellen en sla het op.`,
  'ambiguous-zip': (p, { reason, part }) => `${p} is beschadigd: ${AMBIGUITY_NL[reason](part)}, dus programma's lezen er verschillende dingen uit en het wordt geweigerd; open het in Excel, laat Excel het herstellen en sla het op.`,
  'not-a-zip': (p) => `${p} is geen .xlsx-werkmap (de inhoud is geen zip-pakket en geen tekst); sla het model op als .xlsx (Excel-werkmap) en geef dat bestand op.`,
  'no-workbook-part': (p, { part }) => `${p} is een zip-bestand maar geen .xlsx-werkmap (${part} ontbreekt); sla het model op als .xlsx (Excel-werkmap) en geef dat bestand op.`,
  folder: (p) => `${p} is een map, geen werkmap; geef het pad van het .xlsx-bestand op.`,
  'not-a-regular-file': (p) => `${p} is geen gewoon bestand (maar een pipe, socket of apparaat) en kan dus niet als werkmap worden gelezen; sla de werkmap op als bestand en geef het pad van dat bestand op.`,
  'no-such-file': (p) => `Kan ${p} niet lezen: het bestand bestaat niet.`,
  'permission-denied': (p) => `Kan ${p} niet lezen: geen toestemming.`,
  'read-failed': (p, { detail }) => `Kan ${p} niet lezen: ${detail}`,
  'damaged-part': (p, { detail }) => `${p} kon niet als .xlsx-werkmap worden gelezen: ${detail}`,
  'part-too-large': (p, { part, limitMb }) =>
    `${p} kan niet worden gelezen: het onderdeel ${part} is uitgepakt groter dan ${limitMb} MB, het meeste dat de runner van dat onderdeel leest; is de werkmap echt, verwijder dan wat dat onderdeel zo groot maakt (ongebruikte stijlen, tekst of objecten) en sla hem opnieuw op.`,
};

const TEXT: Readonly<Record<MessageLanguage, FileProblemText>> = { en: EN, nl: NL };

/** The sentence for a file problem, in a language. */
export function fileProblemText(problem: FileProblem, path: string, language: MessageLanguage = 'en'): string {
  const render = TEXT[language][problem.kind] as (path: string, problem: FileProblem) => string;
  return render(path, problem);
}

/** Every kind, for tests that check each has a sentence in each language. */
export const FILE_PROBLEM_KINDS: readonly FileProblemKind[] = Object.keys(EN) as FileProblemKind[];
