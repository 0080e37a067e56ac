#!/usr/bin/env node
import { CommanderError } from 'commander';
import { RunTimeLimitExceeded } from '../document/limits.js';
import { isModelgateError } from '../errors.js';
import { buildProgram, type CommandOutcome } from './program.js';

/** The CLI's one exit point: every failure below it is a thrown error with a code. */
async function main(argv: string[]): Promise<number> {
  let outcome: CommandOutcome = { exitCode: 0 };
  const program = buildProgram(
    {
      cwd: process.cwd(),
      stdout: (text) => process.stdout.write(text),
      stderr: (text) => process.stderr.write(text),
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      env: process.env,
      now: () => new Date(),
    },
    (result) => {
      outcome = result;
    },
  );
  try {
    await program.parseAsync(argv);
    return outcome.exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof RunTimeLimitExceeded) {
      // Work still in flight (a read that never ends) must neither keep the process alive nor act after the limit.
      // Writes to files and pipes are synchronous on POSIX, so the message is out before the exit.
      process.stderr.write(`modelgate: ${error.message}\n`);
      process.exit(2);
    }
    if (isModelgateError(error) && error.code !== 'artefact') {
      process.stderr.write(`modelgate: ${error.message}\n`);
      return 2;
    }
    const detail = process.env.MODELGATE_DEBUG && error instanceof Error ? `\n${error.stack}` : '';
    process.stderr.write(`modelgate: internal error: ${error instanceof Error ? error.message : String(error)}${detail}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv);
