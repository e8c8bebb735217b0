/**
 * Entry point of `npm run cost` and `npm start`: parses the arguments, runs, and sets the exit status
 * (process.exitCode, never process.exit, so buffered output is flushed).
 */
import { languageOfArgs, parseArgs } from './args';
import { cliText } from './cli-text';
import type { Output } from './print';
import { EXIT_OK, EXIT_USAGE, runCost } from './run';
import { writeTemplate } from './template';
import { streamOutput } from './stream-output';

let standardStreams: Output | null = null;

/**
 * The process's standard output and error as an `Output`, made on first use: it attaches error
 * listeners to them (see stream-output.ts), which importing this module for a test must not do.
 */
export function consoleOutput(): Output {
  standardStreams ??= streamOutput(process.stdout, process.stderr);
  return standardStreams;
}

/** Runs the command line `argv` (without `node main.js`) and returns the exit status. */
export async function main(argv: readonly string[], io: Output = consoleOutput()): Promise<number> {
  const command = parseArgs(argv);
  // Parsing stops at the first problem or at --help, perhaps before a --lang further on.
  const t = cliText(languageOfArgs(argv) ?? 'en');
  switch (command.kind) {
    case 'help':
      io.out(t.help);
      return EXIT_OK;
    case 'usage-error':
      io.err(`${t.usage(command.problem)} ${t.runWithHelp}`);
      return EXIT_USAGE;
    case 'run':
      return runCost(command, io);
    case 'template':
      return writeTemplate(command.path, command.lang, io);
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
