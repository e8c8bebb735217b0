/**
 * What a worksheet function answers: a number, or a typed error that the Office layer turns into a
 * CustomFunctions.Error. Kept free of Office types so that the logic and its tests run in Node.
 */

/**
 * The Excel errors the ABC functions give: #N/A, #VALUE! and #DIV/0!; and `pending`, an answer still being
 * computed, for which a streaming formula sets nothing yet (Excel shows #BUSY!).
 */
export type FunctionErrorKind = 'notAvailable' | 'value' | 'divisionByZero' | 'pending';

/** An error answer with a message for the cell's error indicator. */
export interface FunctionError {
  kind: FunctionErrorKind;
  message: string;
}

/** A spilled answer (`ABC.EXPLAIN`): rows of text and numbers, a header row first. */
export type FunctionTable = Array<Array<string | number>>;

/** A function's answer. */
export type FunctionValue = number | FunctionTable | FunctionError;

/** `#N/A`: a name that the model does not know, or a figure that does not apply. */
export function notAvailable(message: string): FunctionError {
  return { kind: 'notAvailable', message };
}

/** `#VALUE!`: a bad argument, or a model that cannot be computed. */
export function valueError(message: string): FunctionError {
  return { kind: 'value', message };
}

/** `#DIV/0!`: a ratio whose denominator is zero. */
export function divisionByZero(message: string): FunctionError {
  return { kind: 'divisionByZero', message };
}

/** Not yet known: being computed (the scenarios, run when a formula first asks for them). */
export function pending(message: string): FunctionError {
  return { kind: 'pending', message };
}

/** True when the answer is an error rather than a number. */
export function isFunctionError(value: FunctionValue): value is FunctionError {
  return typeof value !== 'number' && !Array.isArray(value);
}

/** The Excel spelling of an error kind, for tests, logs and documentation. */
export function excelErrorText(kind: FunctionErrorKind): '#N/A' | '#VALUE!' | '#DIV/0!' | '#BUSY!' {
  return kind === 'notAvailable' ? '#N/A' : kind === 'value' ? '#VALUE!' : kind === 'divisionByZero' ? '#DIV/0!' : '#BUSY!';
}
