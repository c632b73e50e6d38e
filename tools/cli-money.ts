// `npm run --silent cli -- money < scenario.json`: one tax module's balance, as JSON, from the
// money engine (apps/account/src/domain/money/balance.ts). Reads the scenario from standard
// input and prints the MoneyResult; a malformed scenario prints
// `Invalid scenario: <field>: <problem>` on standard error and exits 1.
import {
  computeBalance,
  MoneyInputError,
  parseMoneyScenario,
} from '../apps/account/src/domain/money/balance.ts';

export const MONEY_USAGE = `  money < scenario.json
            Print a tax module's balance (tax, penalties, interest, balance due, credit) as of a date, as
            JSON, from a scenario read on standard input (fields: apps/account/src/domain/money/scenario.ts).
`;

export interface MoneyCommandIo {
  input: AsyncIterable<string | Buffer>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command; resolves to the exit code. */
export async function runMoneyCommand(io: MoneyCommandIo): Promise<number> {
  let text = '';
  for await (const chunk of io.input) text += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    io.err(`Invalid scenario: scenario: not valid JSON (${(error as Error).message})\n`);
    return 1;
  }
  try {
    io.out(`${JSON.stringify(computeBalance(parseMoneyScenario(input)), null, 2)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof MoneyInputError) {
      io.err(`Invalid scenario: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** The command on this process's standard input and output. */
export function runMoneyCommandOnStdio(): Promise<number> {
  if (process.stdin.isTTY)
    process.stderr.write('Reading the scenario (JSON) from standard input; end with Ctrl+D.\n');
  return runMoneyCommand({
    input: process.stdin,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  });
}
