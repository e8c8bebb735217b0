/**
 * The part of Excel's custom-functions runtime API that this add-in uses, declared here because the
 * project's type packages (@types/office-js) do not cover the `CustomFunctions` global. The names follow
 * the runtime's documented API; custom-functions-metadata recognises `CustomFunctions.StreamingInvocation`
 * by its spelling, so the functions' signatures must use exactly that name.
 */
declare namespace CustomFunctions {
  /** Excel's error values a function may return. */
  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
    divisionByZero = '#DIV/0!',
    invalidNumber = '#NUM!',
    nullReference = '#NULL!',
    invalidName = '#NAME?',
    invalidReference = '#REF!',
  }

  /** An error result; the message shows in the cell's error indicator (not for #DIV/0!). */
  class Error {
    constructor(errorCode: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  /** What a streaming function receives as its last argument. */
  interface StreamingInvocation<ResultType> {
    /** Sets (or replaces) the result shown in the cell. */
    setResult(value: ResultType | Error): void;
    /** Called when Excel no longer needs the results (formula deleted or its arguments changed). */
    onCanceled: () => void;
    address?: string;
    functionName?: string;
  }

  /** Registers a function under its id; the metadata plugin's loader generates these calls. */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;
}
