// `npm run --silent cli -- idv-analyze …` and `… specimen …`: the identity-verification engine from the
// command line, for operators (look at a capture a person had trouble with) and as the way the engine
// is tested from outside. Neither opens a database or reads the apps' settings beyond IDV_*.
import { readFile, stat } from 'node:fs/promises';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { IdvResult } from '../apps/identity/src/verification/engine/idv-engine.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../apps/identity/src/verification/engine/idv-decision.ts';
import { FAILURE_CODES } from '../apps/identity/src/verification/engine/idv-checks.ts';
import { IDV_USAGE } from './cli-idv-usage.ts';

export class IdvUsageError extends Error {}

export interface IdvCommandIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Runs the command; resolves to the exit code. */
export async function runIdvCommand(args: readonly string[], io: IdvCommandIo): Promise<number> {
  try {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(`Usage: npm run --silent cli -- <command>\n\n${IDV_USAGE}`);
      return 0;
    }
    return args[0] === 'specimen' ? await specimen(args.slice(1), io) : await idvAnalyze(args.slice(1), io);
  } catch (error) {
    if (error instanceof IdvUsageError) {
      io.err(`${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

type ArgValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
): { values: ArgValues } {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: false, strict: true });
  } catch (error) {
    throw new IdvUsageError((error as Error).message);
  }
}

function documentType(value: unknown, allowAll = false): DocumentType | 'all' {
  const allowed: string[] = [...DOCUMENT_TYPES, ...(allowAll ? ['all'] : [])];
  if (typeof value === 'string' && allowed.includes(value)) return value as DocumentType | 'all';
  throw new IdvUsageError(
    `--type must be one of ${allowed.join(', ')}${value === undefined ? '' : `, got "${String(value)}"`}.`,
  );
}

async function readInput(flag: string, path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new IdvUsageError(`${flag} ${path}: not a file.`);
    return await readFile(path);
  } catch (error) {
    if (error instanceof IdvUsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'cannot be read';
    throw new IdvUsageError(`${flag} ${path}: ${why}.`);
  }
}

const IMAGE_CHECKS: Readonly<Record<string, string>> = {
  front_image: '--front',
  back_image: '--back',
  selfie_image: '--selfie',
};

async function idvAnalyze(args: readonly string[], io: IdvCommandIo): Promise<number> {
  const { values } = parse(args, {
    front: { type: 'string' },
    back: { type: 'string' },
    selfie: { type: 'string', multiple: true },
    type: { type: 'string', default: 'drivers-license' },
    today: { type: 'string' },
  });
  const type = documentType(values.type) as DocumentType;
  if (typeof values.front !== 'string') throw new IdvUsageError('--front FILE is required.');
  if (type !== 'passport' && typeof values.back !== 'string') {
    throw new IdvUsageError(`--back FILE is required for --type ${type} (only a passport book has no back).`);
  }
  const today = typeof values.today === 'string' ? values.today : undefined;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today))
    throw new IdvUsageError('--today must be YYYY-MM-DD.');
  const front = await readInput('--front', values.front);
  const back =
    typeof values.back === 'string' && type !== 'passport'
      ? await readInput('--back', values.back)
      : undefined;
  const selfie: Uint8Array[] = [];
  for (const path of (values.selfie as string[] | undefined) ?? [])
    selfie.push(await readInput('--selfie', path));

  // The engine and its analysers load only for this command.
  const [{ createIdvEngine }, { localAnalyzers }, { readIdvConfig }] = await Promise.all([
    import('../apps/identity/src/verification/engine/idv-engine.ts'),
    import('../apps/identity/src/verification/engine/idv-analyzers.ts'),
    import('../apps/identity/src/verification/engine/idv-config.ts'),
  ]);
  const engine = createIdvEngine(readIdvConfig(process.env), localAnalyzers());
  let result: IdvResult;
  try {
    const now = today ? new Date(`${today}T12:00:00Z`) : new Date();
    result = await engine.analyze(
      { type, front, ...(back ? { back } : {}), ...(selfie.length ? { selfie } : {}) },
      now,
    );
  } finally {
    await engine.close();
  }
  if (result.analysis === 'unavailable') {
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    io.err(
      `Analysis unavailable (stage: ${result.stage}). This says nothing about the document; try again later.\n`,
    );
    return 3;
  }
  const unreadable = result.checks.find(
    (check) => check.name in IMAGE_CHECKS && check.status === 'fail' && check.code.startsWith('image_'),
  );
  if (unreadable && unreadable.code in FAILURE_CODES) {
    const flag = IMAGE_CHECKS[unreadable.name]!;
    const path =
      flag === '--front' ? values.front : flag === '--back' ? values.back : 'one of the --selfie files';
    io.err(
      `${flag} ${String(path)}: ${FAILURE_CODES[unreadable.code as keyof typeof FAILURE_CODES].message}\n`,
    );
    return 2;
  }
  io.out(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

async function specimen(args: readonly string[], io: IdvCommandIo): Promise<number> {
  const { values } = parse(args, {
    out: { type: 'string' },
    type: { type: 'string', default: 'all' },
    seed: { type: 'string', default: '1' },
    person: { type: 'string' },
    count: { type: 'string', default: '1' },
  });
  if (typeof values.out !== 'string') throw new IdvUsageError('--out DIR is required.');
  const type = documentType(values.type, true);
  const seed = Number(values.seed);
  const count = Number(values.count);
  if (!Number.isInteger(seed)) throw new IdvUsageError('--seed must be a whole number.');
  if (!Number.isInteger(count) || count < 1 || count > 500)
    throw new IdvUsageError('--count must be between 1 and 500.');
  const { generateSpecimens, findDemoPerson } =
    await import('../apps/identity/src/verification/specimens/generate-specimens.ts');
  const person = typeof values.person === 'string' ? values.person : undefined;
  if (person !== undefined && !findDemoPerson(person)) {
    const { DEMO_PEOPLE } = await import('../apps/identity/src/seed/demo-people.ts');
    const known = DEMO_PEOPLE.map((p) => `${p.givenName} ${p.familyName}`).join(', ');
    throw new IdvUsageError(`--person "${person}" is not a demo person (known: ${known}).`);
  }
  const written = await generateSpecimens({
    outDir: values.out,
    type,
    seed,
    count,
    now: new Date(),
    ...(person === undefined ? {} : { person }),
  });
  for (const set of written) io.out(`${Object.values(set.files).join('\n')}\n`);
  return 0;
}
