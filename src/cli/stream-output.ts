/**
 * The console as an `Output` that survives its reader going away. `npm run cost -- book.xlsx | head -1`
 * closes the pipe after one line; Node then reports EPIPE as an 'error' event on process.stdout, which,
 * unhandled, ends the process with a stack trace and exit status 1 although the report was written. The
 * same happens with ENOSPC when standard output is a file on a full disk. Here a failed stream is simply
 * no longer written to, and the exit status stays that of the run.
 */
import type { Writable } from 'stream';
import type { Output } from './print';

/**
 * Control characters other than tab and line feed (C0, DEL, C1) as visible `\uXXXX`. The lines hold text
 * from the workbook (customer ids, pool names), and to a terminal a control character is a command: ESC
 * [2J clears the screen, a carriage return overwrites the line, so a workbook could make the output say
 * what it does not.
 */
function printable(line: string): string {
  return line.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A writable that stops taking lines after its first error. */
function guarded(stream: Writable, onFailure: (e: NodeJS.ErrnoException) => void): (line: string) => void {
  let open = true;
  const fail = (e: NodeJS.ErrnoException): void => {
    if (!open) return;
    open = false;
    onFailure(e);
  };
  stream.on('error', fail);
  return (line) => {
    if (!open || stream.destroyed) return;
    try {
      stream.write(`${printable(line)}\n`);
    } catch (e) {
      // Node reports write failures as events, but a stream may also throw; either way it is closed for us.
      fail(e as NodeJS.ErrnoException);
    }
  };
}

/**
 * `out` and `err` over two streams. A closed pipe on standard output is what `| head` does on purpose
 * and goes unmentioned; any other failure of standard output (a full disk) is told once on standard
 * error, since the summary the user expected is then incomplete. Failures of standard error itself have
 * nowhere to be told.
 */
export function streamOutput(stdout: Writable, stderr: Writable): Output {
  const err = guarded(stderr, () => undefined);
  const out = guarded(stdout, (e) => {
    if (e.code === 'EPIPE') return;
    const reason = e.code === 'ENOSPC' ? 'the disk is full' : e.message;
    err(`The summary could not be printed to standard output (${reason}); the report and JSON files are not affected.`);
  });
  return { out, err };
}
