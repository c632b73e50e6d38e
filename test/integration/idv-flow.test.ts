// Identity verification (IAL2) over HTTP, against the whole system (no browser): the step graph
// refuses skipping ahead and Back after a step is passed, every numbered error code has a path
// that reaches its page, giving up inside an agency's request tells the agency (and the tax
// account shows the code), the mailed-letter path, and the photo upload's edge cases.
//
// How each error code is reached:
//   real requests:  6001, 6003, 6004 (records / SSN limits, test SSN with the 1900-01-01 magic
//                   birth date), 6006 (Maria's SSN), 6007 (first name `Fail`), 6009 (a phone in
//                   nobody's name, 5 tries), 6010 (10 wrong letter codes), 6011 (method=video),
//                   6012 (name differs from the document: shown inline, code recorded), 6013 (the
//                   clock moved past 30 days), 6002 (six selfie uploads; between them the journey
//                   is put back to `captured` directly, state-injected).
//   through the engine: 6000 (an expired licence), 6005 (three selfies of someone else).
//   state-injected: 6008 (`pending` since long ago, then a real status poll recovers it), and
//                   6000 and 6005 again (`failed` set directly, shown from every step).
// The photo analysis is skipped where a step needs its outcome: the journey is set to
// documentStatus 'passed' with document fields matching the person (what the engine would read
// from the licence's barcode). The engine itself runs once, on a file that is not an image.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSpecimens } from '../../apps/identity/src/verification/specimens/generate-specimens.ts';
import { createTestClock } from '#platform/time/clock.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { injectBrowser } from '../support/inject-browser.ts';
import { createHttpClient } from '../support/http-client.ts';
import { createBrowser, signIn as signInForAgency } from '../support/oidc-test-agency.ts';
import { idvError } from '../../apps/identity/src/verification/flow/idv-error-catalog.ts';
import type { IdvFlow, IdvFlowPatch } from '../../apps/identity/src/db/idv-flows-repo.ts';
import type { DocumentFields } from '../../apps/identity/src/verification/engine/document-fields.ts';

const clock = createTestClock(new Date());
const PASSWORD = 'willow-harbor-quartz-73';
const DAY = 86400;

interface Person {
  given: string;
  family: string;
  dob: string;
  tin: string;
  street: string;
  city: string;
  state: string;
  zip: string;
}

const GRACE_LOGIN = { email: 'grace.kim@example.com', password: 'amber-lantern-canyon-58' };
const GRACE: Person = {
  given: 'Grace',
  family: 'Kim',
  dob: '1992-08-21',
  tin: '508-22-6174',
  street: '2417 Pine St',
  city: 'Boulder',
  state: 'CO',
  zip: '80302',
};
const MARIA: Person = {
  given: 'Maria',
  family: 'Garcia',
  dob: '1984-03-17',
  tin: '400-12-3456',
  street: '1200 Maple Ave Apt 4B',
  city: 'Springfield',
  state: 'IL',
  zip: '62704',
};
/** A synthetic person (test SSN 900…): the records match whatever is typed, unless magic says not. */
const tester = (tin: string, extra: Partial<Person> = {}): Person => ({
  given: 'Test',
  family: 'Person',
  dob: '1985-04-12',
  tin,
  street: '100 Main St',
  city: 'Denver',
  state: 'CO',
  zip: '80202',
  ...extra,
});
let ssnCount = 0;
/** A new test SSN each time (the SSN limit counts tries per number). */
const testSsn = () => `900-11-${String(1000 + ++ssnCount)}`;

// A browser over inject (test/support/inject-browser.ts), one client address each.
const newClient = (system: TestSystem) => injectBrowser(system.identity.server, system.identityUrl);
type Client = ReturnType<typeof newClient>;
type Res = Awaited<ReturnType<Client['get']>>;

/** What the engine would read from the licence of `p` (state-injected instead of the analysis). */
const documentOf = (p: Person): DocumentFields => ({
  familyName: p.family.toUpperCase(),
  givenNames: p.given.toUpperCase(),
  dateOfBirth: p.dob,
  expirationDate: '2031-08-21',
  issueDate: '2023-08-21',
  documentNumber: '123456789',
  sex: 'F',
  address: {
    street: p.street.toUpperCase(),
    city: p.city.toUpperCase(),
    state: p.state,
    postalCode: p.zip,
  },
  issuer: p.state,
});
const passedDocument = (p: Person): IdvFlowPatch => ({
  method: 'this-device',
  documentType: 'drivers-license',
  documentStatus: 'passed',
  documentFields: documentOf(p),
});

const detailsForm = (p: Person, overrides: Record<string, string> = {}) => {
  const [year, month, day] = p.dob.split('-');
  return {
    givenName: p.given,
    familyName: p.family,
    dobMonth: String(Number(month)),
    dobDay: String(Number(day)),
    dobYear: year!,
    tinType: 'ssn',
    tin: p.tin,
    street: p.street,
    street2: '',
    city: p.city,
    state: p.state,
    postalCode: p.zip,
    ...overrides,
  };
};

const LATER = [
  '/verify/how',
  '/verify/id-type',
  '/verify/document',
  '/verify/selfie',
  '/verify/processing',
  '/verify/details',
  '/verify/address',
  '/verify/address/code',
  '/verify/password',
  '/verify/personal-key',
];
const laterThan = (path: string) => LATER.slice(LATER.indexOf(path) + 1);

const NOT_AN_IMAGE = Buffer.from('These bytes are a note, not a photo of an ID.\n'.repeat(40));

describe('identity verification over HTTP', { timeout: 300_000 }, () => {
  let system: TestSystem;
  let seq = 0;

  before(async () => {
    system = await startTestSystem({ clock });
  });
  after(() => system?.stop());

  const flows = () => system.identity.idvFlows;

  async function newAccount(): Promise<{ email: string; id: string; password: string }> {
    seq += 1;
    const email = `idv.${seq}.${Date.now()}@example.com`;
    const id = system.identity;
    const passwordHash = await id.hasher.hash(PASSWORD);
    const account = await id.db.transaction((tx) =>
      id.accounts.create(tx, { email, givenName: 'Test', familyName: `Person${seq}`, passwordHash }),
    );
    await id.mfa.addCodeMethod(account.id, 'email', email, 'Email');
    return { email, id: account.id, password: PASSWORD };
  }

  async function latestOutbox(): Promise<
    { id: number; channel: string; recipient: string; body: string; hasAttachment: boolean }[]
  > {
    const r = await system.identity.server.inject({
      method: 'GET',
      url: '/dev/outbox.json',
      remoteAddress: '10.92.0.1',
    });
    return r.json().messages;
  }

  /** Password, then the emailed code: signed in at AAL2. */
  async function signIn(c: Client, login: { email: string; password: string }): Promise<void> {
    await c.get('/sign-in');
    const afterPassword = await c.post('/sign-in', login);
    assert.equal(afterPassword.location, '/mfa', `password step: ${afterPassword.status}`);
    const methodId = /name="methodId" value="([^"]+)"/.exec((await c.get('/mfa')).body)?.[1];
    assert.ok(methodId, 'an email method');
    clock.advance(11); // code sends are limited to 2 per 10 s
    const started = await c.post('/mfa/start', { methodId });
    const challengeId = new URL(started.location!, 'http://x').searchParams.get('challenge') ?? '';
    await c.get(started.location!);
    const message = (await latestOutbox()).find((m) => m.recipient === login.email);
    const code = /one-time code is (\d{6})/.exec(message?.body ?? '')?.[1];
    assert.ok(code, 'an emailed code');
    const done = await c.post(`/mfa/${methodId}`, { code, challengeId });
    assert.equal(done.status, 303, 'the code is accepted');
  }

  /** A fresh account, signed in, that has agreed to start (at /verify/how). */
  async function startedJourney(): Promise<{ c: Client; accountId: string; flow: () => Promise<IdvFlow> }> {
    const account = await newAccount();
    const c = newClient(system);
    await signIn(c, account);
    await c.get('/verify');
    assert.equal((await c.post('/verify', { consent: 'yes' })).location, '/verify/how');
    const flow = async () => (await flows().active(account.id, clock.now()))!;
    return { c, accountId: account.id, flow };
  }

  const inject = async (flow: IdvFlow, patch: IdvFlowPatch) => {
    assert.ok(await flows().update(flow.id, patch, clock.now()));
  };

  /** A fresh journey with its document passed (state-injected) and details verified for real. */
  async function atAddress(p: Person = tester(testSsn())) {
    const journey = await startedJourney();
    await inject(await journey.flow(), passedDocument(p));
    const r = await journey.c.post('/verify/details', detailsForm(p));
    assert.equal(r.location, '/verify/address', `details answered ${r.status}`);
    return journey;
  }

  /** The response redirects to the code's page, which answers with the catalog's status. */
  async function assertErrorPage(c: Client, r: Res, code: number): Promise<void> {
    assert.equal(r.status, 303, `expected a redirect to ${code}, got ${r.status}`);
    assert.match(r.location ?? '', new RegExp(`^/verify/errors/${code}(\\?|$)`));
    const page = await c.get(r.location!);
    assert.equal(page.status, idvError(code)!.httpStatus, `status of the ${code} page`);
    assert.ok(page.body.includes(String(code)), `the page names ${code}`);
  }

  async function assertRedirects(c: Client, paths: string[], to: string): Promise<void> {
    for (const path of paths) {
      const r = await c.get(path);
      assert.equal(`${r.status} ${r.location}`, `303 ${to}`, `GET ${path}`);
    }
  }
  const assertShown = async (c: Client, path: string) =>
    assert.equal((await c.get(path)).status, 200, `GET ${path} is shown`);

  /** The letter's code from the development outbox, and the message's id. */
  async function letterFor(name: string): Promise<{ code: string; id: number }> {
    const letter = (await latestOutbox()).find((m) => m.channel === 'mail' && m.recipient.startsWith(name));
    assert.ok(letter, `a letter to ${name}`);
    const code = /Code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})/.exec(letter.body)?.[1];
    assert.ok(code, `a grouped code in: ${letter.body}`);
    assert.equal(letter.hasAttachment, true);
    return { code, id: letter.id };
  }

  it('needs a signed-in person; an unknown phone link is a "link not valid" page', async () => {
    const c = newClient(system);
    assert.equal((await c.get('/verify')).location, '/sign-in');
    assert.equal((await c.get('/verify/details')).location, '/sign-in');
    assert.equal((await c.get(`/verify/m/${'A'.repeat(43)}`)).status, 410);
    assert.equal((await c.get('/verify/m/short')).status, 404);
    assert.equal((await c.get('/verify/m/id-type')).status, 403, 'no phone cookie');
  });

  it('Grace: no step can be skipped, Back goes forward after a step is passed, the letter path', async () => {
    const c = newClient(system);
    await signIn(c, GRACE_LOGIN);
    await assertShown(c, '/verify');
    await assertRedirects(c, LATER, '/verify');

    assert.equal((await c.post('/verify', { consent: 'yes' })).location, '/verify/how');
    await assertRedirects(c, laterThan('/verify/how'), '/verify/how');
    await assertShown(c, '/verify/how');

    assert.equal((await c.post('/verify/how', { method: 'this-device' })).location, '/verify/id-type');
    await assertRedirects(c, laterThan('/verify/id-type'), '/verify/id-type');

    assert.equal((await c.post('/verify/id-type', { type: 'drivers-license' })).location, '/verify/document');
    await assertRedirects(c, ['/verify/how', ...laterThan('/verify/document')], '/verify/document');
    await assertShown(c, '/verify/id-type'); // the ID type may still change

    await c.get('/verify/document');
    const missingBack = await c.upload('/verify/document', { front: NOT_AN_IMAGE });
    assert.equal(missingBack.status, 400);
    // (case-insensitive: the message lowercases the label, "your id"; see the report)
    assert.match(missingBack.body, /Add a photo of the back of your ID\./i);
    await assertRedirects(c, ['/verify/selfie'], '/verify/document');
    const both = await c.upload('/verify/document', { front: NOT_AN_IMAGE, back: NOT_AN_IMAGE });
    assert.equal(both.location, '/verify/selfie');
    await assertRedirects(c, ['/verify/how', ...laterThan('/verify/selfie')], '/verify/selfie');
    await assertShown(c, '/verify/selfie');
    const noSelfie = await c.upload('/verify/selfie', {});
    assert.equal(noSelfie.status, 400);
    assert.match(noSelfie.body, /Add a photo of your face\./);

    // State-injected: the analysis passed and read Grace's licence.
    const account = (await system.identity.accounts.findByEmail(GRACE_LOGIN.email))!;
    const flow = (await flows().active(account.id, clock.now()))!;
    await flows().deleteCaptures(flow.id);
    await inject(flow, passedDocument(GRACE));
    const status = await c.get('/verify/status');
    assert.equal(JSON.parse(status.body).next, '/verify/details');
    const before = [
      '/verify/how',
      '/verify/id-type',
      '/verify/document',
      '/verify/selfie',
      '/verify/processing',
    ];
    await assertRedirects(c, [...before, ...laterThan('/verify/details')], '/verify/details');
    const details = await c.get('/verify/details');
    assert.match(details.body, /value="Grace"/, 'prefilled from the document');

    const verified = await c.post('/verify/details', detailsForm(GRACE));
    assert.equal(verified.location, '/verify/address');
    await assertRedirects(
      c,
      [...before, '/verify/details', ...laterThan('/verify/address')],
      '/verify/address',
    );

    // The letter: a PDF in the outbox, a grouped code that may be typed in lowercase.
    assert.equal((await c.post('/verify/address', { method: 'mail' })).location, '/verify/address/code');
    await assertRedirects(
      c,
      ['/verify/id-type', '/verify/address', ...laterThan('/verify/address/code')],
      '/verify/address/code',
    );
    const letter = await letterFor('Grace Kim');
    const pdf = await c.get(`/dev/outbox/${letter.id}/attachment`);
    assert.equal(pdf.status, 200);
    assert.equal(pdf.raw.subarray(0, 4).toString('latin1'), '%PDF');
    await c.get('/verify/address/code');
    const wrong = await c.post('/verify/address/code', { code: 'ZZZZ-ZZZZ-ZZ' });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body, /Tries left: 9/);
    const confirmed = await c.post('/verify/address/code', { code: letter.code.toLowerCase() });
    assert.equal(confirmed.location, '/verify/password');
    await assertRedirects(
      c,
      ['/verify/id-type', '/verify/address', '/verify/address/code', '/verify/personal-key'],
      '/verify/password',
    );

    await c.get('/verify/password');
    assert.equal(
      (await c.post('/verify/password', { password: GRACE_LOGIN.password })).location,
      '/verify/personal-key',
    );
    await assertRedirects(
      c,
      ['/verify', '/verify/id-type', '/verify/details', '/verify/password'],
      '/verify/personal-key',
    );
    await c.get('/verify/personal-key');
    assert.equal((await c.post('/verify/personal-key', { acknowledged: 'yes' })).location, '/verify/done');
    await assertShown(c, '/verify/done');
    assert.equal((await c.get('/verify')).location, '/account', 'verified: nothing to do');
    assert.equal((await c.get('/verify/details')).location, '/verify');
    assert.equal((await system.identity.verifiedIdentity.status(account.id))?.level, 'verified');
  });

  it('6011: the video call is not offered yet', async () => {
    const { c } = await startedJourney();
    await c.get('/verify/how');
    await assertErrorPage(c, await c.post('/verify/how', { method: 'video' }), 6011);
  });

  it('6001, 6003, 6004: records mismatches, the records limit per account, the SSN limit per number', async () => {
    // The magic birth date 1900-01-01 makes the test SSN's synthetic person not match.
    const ssn = testSsn();
    const p = tester(ssn, { dob: '1900-01-01' });
    const a = await startedJourney();
    await inject(await a.flow(), passedDocument(p));
    await a.c.get('/verify/details');
    const mismatch = async (c: Client, left: number) => {
      const r = await c.post('/verify/details', detailsForm(p));
      assert.equal(r.status, 400);
      assert.match(r.body, /couldn.t match these details with official records/);
      assert.match(r.body, new RegExp(`You can try ${left} more times in the next 6 hours`));
      assert.ok(
        !r.body.includes(ssn) && !r.body.includes(ssn.replace(/-/g, '')),
        'the number is not shown back',
      );
    };
    for (let left = 4; left >= 1; left--) await mismatch(a.c, left);
    await assertErrorPage(a.c, await a.c.post('/verify/details', detailsForm(p)), 6001); // 5th
    await a.c.get('/verify/details');
    await assertErrorPage(a.c, await a.c.post('/verify/details', detailsForm(p)), 6003); // 6th

    // The same number from another account: five tries (6 to 10 of the number), the 5th ends on
    // 6001; its 6th is refused by that account's records limit (6003) and does not use up the
    // number's tries. A third account's first try is the number's 11th: 6004.
    const b = await startedJourney();
    await inject(await b.flow(), passedDocument(p));
    await b.c.get('/verify/details');
    for (let left = 4; left >= 1; left--) await mismatch(b.c, left);
    await assertErrorPage(b.c, await b.c.post('/verify/details', detailsForm(p)), 6001); // 10th
    await b.c.get('/verify/details');
    await assertErrorPage(b.c, await b.c.post('/verify/details', detailsForm(p)), 6003); // not counted
    const c3 = await startedJourney();
    await inject(await c3.flow(), passedDocument(p));
    await c3.c.get('/verify/details');
    await assertErrorPage(c3.c, await c3.c.post('/verify/details', detailsForm(p)), 6004); // 11th
  });

  it('6006: a verified person’s SSN on another account', async () => {
    const { c, flow } = await startedJourney();
    await inject(await flow(), passedDocument(MARIA));
    await c.get('/verify/details');
    await assertErrorPage(c, await c.post('/verify/details', detailsForm(MARIA)), 6006);
  });

  it('6007: the records source fails (first name `Fail`, on the document too)', async () => {
    const p = tester(testSsn(), { given: 'Fail' });
    const { c, flow } = await startedJourney();
    await inject(await flow(), passedDocument(p));
    await c.get('/verify/details');
    await assertErrorPage(c, await c.post('/verify/details', detailsForm(p)), 6007);
  });

  it('6012: details that differ from the document are shown inline, with the code recorded', async () => {
    const p = tester(testSsn());
    const { c, flow } = await startedJourney();
    await inject(await flow(), passedDocument(p));
    await c.get('/verify/details');
    const r = await c.post('/verify/details', detailsForm(p, { givenName: 'Someone' }));
    assert.equal(r.status, 400);
    assert.match(r.body, /The name you entered is not the name on your ID\./);
    assert.equal((await flow()).errorCode, 6012);
    const page = await c.get('/verify/errors/6012');
    assert.equal(page.status, idvError(6012)!.httpStatus);
    assert.match(page.body, /6012/);
  });

  it('6009: a phone in nobody’s name, five times; then the letter instead (code without dashes)', async () => {
    const p = tester(testSsn(), { given: 'Letty' });
    const { c } = await atAddress(p);
    await c.get('/verify/address');
    for (let left = 4; left >= 1; left--) {
      const r = await c.post('/verify/address', { method: 'phone', phone: '(202) 555-0143' });
      assert.equal(r.status, 400);
      assert.match(r.body, new RegExp(`You can try ${left} more phone numbers`));
    }
    await assertErrorPage(
      c,
      await c.post('/verify/address', { method: 'phone', phone: '(202) 555-0143' }),
      6009,
    );
    await c.get('/verify/address');
    assert.equal((await c.post('/verify/address', { method: 'mail' })).location, '/verify/address/code');
    const { code } = await letterFor('Letty Person');
    await c.get('/verify/address/code');
    const typed = ` ${code.replace(/-/g, '').toLowerCase()} `;
    assert.equal((await c.post('/verify/address/code', { code: typed })).location, '/verify/password');
  });

  it('6010: ten wrong letter codes', async () => {
    const { c } = await atAddress();
    await c.get('/verify/address');
    await c.post('/verify/address', { method: 'mail' });
    await c.get('/verify/address/code');
    for (let left = 9; left >= 1; left--) {
      const r = await c.post('/verify/address/code', { code: '0000-0000-00' });
      assert.match(r.body, new RegExp(`Tries left: ${left}\\.`));
    }
    await assertErrorPage(c, await c.post('/verify/address/code', { code: '0000-0000-00' }), 6010);
  });

  it('a file that is not an image comes back as a retake; 6002 on the sixth analysis', async () => {
    const { c, flow } = await startedJourney();
    await c.post('/verify/how', { method: 'this-device' });
    await c.post('/verify/id-type', { type: 'drivers-license' });
    await c.get('/verify/document');
    assert.equal(
      (await c.upload('/verify/document', { front: NOT_AN_IMAGE, back: NOT_AN_IMAGE })).location,
      '/verify/selfie',
    );
    await c.get('/verify/selfie');
    assert.equal((await c.upload('/verify/selfie', { selfie: NOT_AN_IMAGE })).location, '/verify/processing');
    await system.identity.idvRunner.idle(); // the engine really runs
    const analysed = await flow();
    assert.equal(
      analysed.documentStatus,
      'retry',
      `decided: ${analysed.documentStatus} ${analysed.documentReason}`,
    );
    assert.equal(
      await flows()
        .capturedSides(analysed.id)
        .then((s) => s.length),
      0,
      'photos deleted',
    );
    assert.equal(JSON.parse((await c.get('/verify/status')).body).next, '/verify/document');
    const retake = await c.get('/verify/document');
    assert.equal(retake.status, 200);
    assert.match(retake.body, /Please take the photos again/);
    assert.match(retake.body, /You can try 4 more times in the next 6 hours/);

    // Four more analyses (state-injected between them: the photos and `captured` put back at once).
    const recapture = async () => {
      await system.identity.idvRunner.idle();
      const f = await flow();
      for (const side of ['front', 'back'] as const)
        await flows().putCapture(f.id, side, [NOT_AN_IMAGE], clock.now());
      await inject(f, { documentStatus: 'captured' });
    };
    for (let n = 2; n <= 5; n++) {
      await recapture();
      await c.get('/verify/selfie');
      assert.equal(
        (await c.upload('/verify/selfie', { selfie: NOT_AN_IMAGE })).location,
        '/verify/processing',
      );
    }
    await recapture();
    await c.get('/verify/selfie');
    await assertErrorPage(c, await c.upload('/verify/selfie', { selfie: NOT_AN_IMAGE }), 6002);
    assert.equal((await c.get('/verify/document')).location?.startsWith('/verify/errors/6002'), true);
  });

  it('6008 (state-injected): an analysis that never finished', async () => {
    const { c, flow } = await startedJourney();
    const f = await flow();
    await inject(f, {
      method: 'this-device',
      documentType: 'drivers-license',
      documentStatus: 'pending',
      documentStartedAt: clock.now(),
    });
    await assertShown(c, '/verify/processing');
    await assertRedirects(c, ['/verify/id-type', '/verify/details'], '/verify/processing');
    await inject(f, { documentStartedAt: new Date(clock.now().getTime() - 3600_000) });
    const status = JSON.parse((await c.get('/verify/status')).body) as { next: string };
    assert.equal(status.next, '/verify/errors/6008');
    const page = await c.get(status.next);
    assert.equal(page.status, idvError(6008)!.httpStatus);
    assert.match(page.body, /6008/);
  });

  it('6000 and 6005 through the engine: an expired licence; three selfies of someone else', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idv-flow-'));
    try {
      // Licences valid on a day twelve years ago have expired by now; two people for the selfies.
      const [old] = await generateSpecimens({
        outDir: join(dir, 'old'),
        type: 'drivers-license',
        seed: 11,
        now: new Date(clock.now().getTime() - 12 * 365 * DAY * 1000),
      });
      const [a, b] = await generateSpecimens({
        outDir: join(dir, 'ab'),
        type: 'drivers-license',
        seed: 12,
        count: 2,
      });
      const photos = (s: typeof a) => ({
        front: readFileSync(s!.files.front),
        back: readFileSync(s!.files.back!),
      });
      const analyse = async (c: Client, doc: { front: Buffer; back: Buffer }, selfie: Buffer) => {
        await c.get('/verify/document');
        assert.equal((await c.upload('/verify/document', doc)).location, '/verify/selfie');
        await c.get('/verify/selfie');
        assert.equal((await c.upload('/verify/selfie', { selfie })).location, '/verify/processing');
        await system.identity.idvRunner.idle();
        return JSON.parse((await c.get('/verify/status')).body) as { next: string };
      };

      const expired = await startedJourney();
      await expired.c.post('/verify/how', { method: 'this-device' });
      await expired.c.post('/verify/id-type', { type: 'drivers-license' });
      const status = await analyse(expired.c, photos(old), readFileSync(old!.files.selfie));
      assert.equal(status.next, '/verify/errors/6000');
      assert.equal((await expired.flow()).documentReason, 'document_expired');
      const page = await expired.c.get(status.next);
      assert.equal(page.status, idvError(6000)!.httpStatus);
      assert.match(page.body, /expired/i);

      const impostor = await startedJourney();
      await impostor.c.post('/verify/how', { method: 'this-device' });
      await impostor.c.post('/verify/id-type', { type: 'drivers-license' });
      const nexts: string[] = [];
      for (let attempt = 1; attempt <= 3; attempt++)
        nexts.push((await analyse(impostor.c, photos(a), readFileSync(b!.files.selfie))).next);
      assert.deepEqual(nexts, ['/verify/document', '/verify/document', '/verify/errors/6005']);
      assert.equal((await impostor.flow()).selfieFailures, 3);
      await assertErrorPage(impostor.c, await impostor.c.get('/verify/document'), 6005);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('6000 and 6005 (state-injected): a failed document or selfie shows its page from any step', async () => {
    const { c, flow } = await startedJourney();
    for (const code of [6000, 6005]) {
      await inject(await flow(), {
        documentStatus: 'failed',
        documentReason: 'document_expired',
        errorCode: code,
      });
      for (const path of ['/verify/how', '/verify/details', '/verify/password'])
        await assertErrorPage(c, await c.get(path), code);
    }
  });

  it('gives up inside the tax account’s request: the agency learns IDV-6001 and says so', async () => {
    const account = await newAccount();
    const tax = createHttpClient(system.account.server);
    const start = await tax.get('/sign-in');
    assert.ok(start.location?.startsWith(system.identityUrl));
    const browser = createBrowser(system.identity.server, system.identityUrl);
    const driver = { server: system.identity.server, clock };
    const landing = await signInForAgency(driver, browser, await browser.follow(start.location!), account);
    assert.equal(landing.kind, 'page');
    assert.match((landing as { body: string }).body, /Verify your identity/);
    const giveUp = /action="(\/interaction\/[^"/]+\/verify\/give-up)"/.exec(
      (landing as { body: string }).body,
    )?.[1];
    assert.ok(giveUp, 'the welcome page offers to stop');
    const back = await browser.continueFrom(await browser.post(giveUp, { code: '6001' }));
    assert.equal(back.kind, 'agency');
    const url = (back as { url: URL }).url;
    assert.equal(url.searchParams.get('error'), 'access_denied');
    assert.match(url.searchParams.get('error_description') ?? '', /IDV-6001/);
    const notVerified = await tax.get(`${url.pathname}${url.search}`);
    assert.equal(notVerified.status, 403);
    assert.match(notVerified.body, /6001/);
  });

  it('6013: a journey left for more than 30 days', async () => {
    const { accountId } = await startedJourney();
    clock.advance(31 * DAY);
    const c = newClient(system);
    const account = (await system.identity.accounts.findById(accountId))!;
    await signIn(c, { email: account.email, password: PASSWORD });
    await assertErrorPage(c, await c.get('/verify/how'), 6013);
    assert.equal((await c.get('/verify')).status, 200, 'then it starts again');
  });
});
