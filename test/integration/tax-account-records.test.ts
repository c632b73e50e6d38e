// The tax account's records end to end over HTTP: demo people sign in through the real OpenID
// Connect flow (password, then an emailed code from the development outbox, then consent),
// are linked to their taxpayer record, and see their balances. The numbers on the pages are
// checked against the money engine run here on the records in the database; every read of
// taxpayer data leaves an audit event; a verified person whose details do not match (or who
// has no record) gets a page that says which element differed, never the number.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestClock } from '#platform/time/clock.ts';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { authorize, createBrowser, type Person, type PersonDriver } from '../support/oidc-test-agency.ts';
import { createHttpClient, type HttpClient } from '../support/http-client.ts';
import { computeBalance } from '../../apps/account/src/domain/money/balance.ts';
import { moduleScenario } from '../../apps/account/src/domain/records/module-scenario.ts';
import { addDays, agencyToday } from '../../apps/account/src/domain/records/agency-date.ts';
import { dollarsToCents } from '../../apps/account/src/domain/records/cents.ts';
import type { TaxpayerRecords } from '../../apps/account/src/domain/records/tax-records.ts';

const MARIA: Person = { email: 'maria.garcia@example.com', password: 'orange-tulip-harbor-42' };
const DAVID: Person = { email: 'david.okafor@example.com', password: 'amber-willow-canyon-84' };
const SOFIA: Person = { email: 'sofia.ramirez@example.com', password: 'coral-piano-summit-39' };
const OLIVIA: Person = { email: 'olivia.bennett@example.com', password: 'velvet-harbor-meadow-26' };
const NORA: Person = { email: 'nora.quinn@example.com', password: 'thistle-beacon-orchard-58' };
const NORA_SSN = '433221190';

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const money = (dollars: string) => usd.format(dollars as `${number}`);
const moneyCents = (cents: number) => usd.format((cents / 100).toFixed(2) as `${number}`);

/** The text of each `data-cell` in the table row marked `data-year="…"`. */
function rowCells(html: string, year: string): Record<string, string> {
  const row = new RegExp(`<tr data-year="${year}">([\\s\\S]*?)</tr>`).exec(html)?.[1];
  assert.ok(row, `a row for ${year}`);
  return Object.fromEntries(
    [...row.matchAll(/data-cell="(\w+)">([^<]*)</g)].map((m) => [m[1]!, m[2]!.trim()]),
  );
}

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

describe('tax account: records, linking and the home page', { timeout: 180_000 }, () => {
  const clock = createTestClock(new Date());
  let system: TestSystem;
  let driver: PersonDriver;

  before(async () => {
    system = await startTestSystem({ clock });
    driver = { server: system.identity.server, clock };
    // A verified person the tax agency has no record of (a number it never saw).
    const id = system.identity;
    const passwordHash = await id.hasher.hash(NORA.password);
    const account = await id.db.transaction((tx) =>
      id.accounts.create(tx, { email: NORA.email, givenName: 'Nora', familyName: 'Quinn', passwordHash }),
    );
    await id.mfa.addCodeMethod(account.id, 'email', NORA.email, 'Email');
    await id.verifiedIdentity.seal({
      accountId: account.id,
      level: 'verified',
      method: 'test',
      password: NORA.password,
      verifiedAt: new Date('2026-01-15T15:00:00Z'),
      details: {
        givenName: 'Nora',
        familyName: 'Quinn',
        birthdate: '1983-02-14',
        address: {
          street_address: '12 Quarry Rd',
          locality: 'Barre',
          region: 'VT',
          postal_code: '05641',
          country: 'US',
        },
        phone: undefined,
        tin: NORA_SSN,
        tinType: 'ssn',
      },
    });
  });

  after(async () => {
    await system?.stop();
  });

  /** Signs `person` in to the tax account through the identity provider; the account's client. */
  async function signInToAccount(
    person: Person,
  ): Promise<{ client: HttpClient; home: string; status: number }> {
    const client = createHttpClient(system.account.server);
    const start = await client.get('/sign-in');
    assert.equal(start.status, 303);
    assert.ok(start.location?.startsWith(system.identityUrl), 'sent to the identity provider');
    const browser = createBrowser(system.identity.server, system.identityUrl);
    const back = await authorize(driver, browser, start.location!, person);
    assert.equal(back.origin, new URL(system.accountUrl).origin, 'back at the tax account');
    const callback = await client.get(`${back.pathname}${back.search}`);
    assert.equal(callback.status, 303, `callback answered ${callback.status}`);
    assert.equal(callback.location, '/');
    const home = await client.get('/');
    return { client, home: home.body, status: home.status };
  }

  async function recordsOf(tin: string): Promise<TaxpayerRecords> {
    const taxpayer = await system.account.taxpayers.findByTin(tin);
    assert.ok(taxpayer, 'the demo taxpayer is seeded');
    return system.account.records.recordsFor(taxpayer.id);
  }

  async function subjectLinkedTo(tin: string): Promise<string> {
    const taxpayer = await system.account.taxpayers.findByTin(tin);
    const rows = await system.account.db.query<{ subject: string }>(
      'SELECT subject FROM taxpayer_links WHERE taxpayer_id = $1',
      [taxpayer!.id],
    );
    assert.equal(rows.length, 1, 'one link');
    return rows[0]!.subject;
  }

  async function auditOf(subject: string): Promise<{ action: string; detail: Record<string, unknown> }[]> {
    return system.account.db.query<{ action: string; detail: Record<string, unknown> }>(
      'SELECT action, detail FROM audit_events WHERE subject = $1 ORDER BY id',
      [subject],
    );
  }

  /** What the engine says for each year on `asOf`, from the records in the database. */
  function expectedYears(records: TaxpayerRecords, asOf: string) {
    return records.modules.map((m) => {
      const result = computeBalance(
        moduleScenario(
          m,
          records.notices.filter((n) => n.taxYear === m.taxYear),
          asOf,
        ),
      );
      const penaltiesCents = dollarsToCents(result.failureToFile) + dollarsToCents(result.failureToPay);
      return { year: m.taxYear, result, penaltiesCents };
    });
  }

  let mariaClient: HttpClient;

  it('Maria signs in and her home page shows the engine’s numbers for each tax year', async () => {
    const today = agencyToday(new Date());
    const { client, home, status } = await signInToAccount(MARIA);
    mariaClient = client;
    assert.equal(status, 200);
    assert.match(home, /<h1[^>]*>Welcome, Maria<\/h1>/);
    const expected = expectedYears(await recordsOf('400123456'), today);
    assert.deepEqual(
      expected.map((e) => e.year),
      [2025, 2024, 2023],
    );
    let payoff = 0;
    for (const { year, result, penaltiesCents } of expected) {
      assert.deepEqual(rowCells(home, String(year)), {
        tax: money(result.tax),
        penalties: moneyCents(penaltiesCents),
        interest: money(result.interest),
        balance: money(result.balanceDue),
      });
      payoff += dollarsToCents(result.balanceDue);
    }
    assert.ok(payoff > 0, 'Maria owes for 2024');
    assert.equal(/data-payoff-today[^>]*>([^<]+)</.exec(home)?.[1]?.trim(), moneyCents(payoff));
    const page = text(home);
    // Recent payments, plan status, notices, the security reminder, the "what if" form.
    assert.match(page, /Jul 1, 2025 Payment Tax year 2024 \$500\.00/);
    assert.match(page, /You do not have a payment plan/);
    assert.match(page, /CP501 Reminder: balance due \(Tax year 2024\)/);
    assert.match(
      page,
      /We never ask for your password, sign-in codes or other account details by email, text message or phone call/,
    );
    assert.match(home, /<form class="usa-form" method="get" action="\/payoff">/);
    assert.match(home, /<a href="\/years\/2024">2024<\/a>/);
    assert.ok(!home.includes('400123456') && !home.includes('400-12-3456'), 'the SSN is never shown');
  });

  it('the year page lists the transactions in plain language with their codes and the same balance', async () => {
    const today = agencyToday(new Date());
    const page = await mariaClient.get('/years/2024');
    assert.equal(page.status, 200);
    const body = text(page.body);
    assert.match(page.body, /<h1[^>]*>Tax year 2024<\/h1>/);
    assert.match(body, /TC 150 Tax return filed and tax assessed \$6,950\.00/);
    assert.match(body, /TC 806 Tax withheld from your pay or other income \(W-2, 1099\) -\$5,100\.00/);
    assert.match(body, /TC 670 Payment received -\$500\.00/);
    assert.match(body, /TC 276 Penalty for paying late/);
    assert.match(body, /TC 196 Interest charged/);
    assert.match(body, /W-2 Prairie State Hospital \$64,800\.00 \$5,100\.00/);
    assert.match(body, /1099-INT Lakeside Credit Union \$212\.40/);
    assert.match(body, /Amount owed on the return \$1,850\.00/);
    const { result } = expectedYears(await recordsOf('400123456'), today).find((e) => e.year === 2024)!;
    const cells = Object.fromEntries(
      [...page.body.matchAll(/data-cell="(\w+)">([^<]*)</g)].map((m) => [m[1]!, m[2]!.trim()]),
    );
    assert.deepEqual(cells, {
      tax: money(result.tax),
      failureToFile: money(result.failureToFile),
      failureToPay: money(result.failureToPay),
      interest: money(result.interest),
      balance: money(result.balanceDue),
    });
    assert.equal((await mariaClient.get('/years/1999')).status, 404);
    assert.equal((await mariaClient.get('/years/not-a-year')).status, 404);
  });

  it('"what if I pay on …" gives the payoff for a chosen date, and explains a bad date', async () => {
    const today = agencyToday(new Date());
    const date = addDays(today, 45);
    const page = await mariaClient.get(`/payoff?date=${date}`);
    assert.equal(page.status, 200);
    const expected = expectedYears(await recordsOf('400123456'), date);
    const total = expected.reduce((sum, e) => sum + dollarsToCents(e.result.balanceDue), 0);
    const todays = expectedYears(await recordsOf('400123456'), today).reduce(
      (sum, e) => sum + dollarsToCents(e.result.balanceDue),
      0,
    );
    assert.ok(total > todays, 'interest keeps adding up');
    assert.match(text(page.body), new RegExp(`Paying ${moneyCents(total).replace(/[$.]/g, '\\$&')} on`));
    for (const { year, result } of expected)
      assert.equal(rowCells(page.body, String(year)).balance, money(result.balanceDue));
    assert.match(page.body, new RegExp(`value="${date}"`));

    for (const [query, message] of [
      [`date=${addDays(today, -1)}`, 'Choose today or a later date.'],
      [`date=${addDays(today, 366)}`, 'Choose a date no more than 365 days from today.'],
      ['date=2026-02-30', 'Enter a real date'],
      ['', 'Enter a real date'],
    ] as const) {
      const bad = await mariaClient.get(`/payoff?${query}`);
      assert.equal(bad.status, 400, query);
      assert.match(bad.body, new RegExp(message), query);
      assert.match(bad.body, /usa-error-message/);
    }
  });

  it('each page that reads records writes exactly one audit event; an invalid request reads nothing', async () => {
    const subject = await subjectLinkedTo('400123456');
    const taxpayer = await system.account.taxpayers.findByTin('400123456');
    const date = addDays(agencyToday(new Date()), 10);
    const viewsSince = async (before: number) =>
      (await auditOf(subject)).filter((e) => e.action.startsWith('view_')).slice(before);
    for (const [path, status, expected] of [
      ['/', 200, [{ action: 'view_home', detail: { taxpayer: taxpayer!.id } }]],
      ['/years/2024', 200, [{ action: 'view_tax_year', detail: { taxpayer: taxpayer!.id, taxYear: 2024 } }]],
      // A year not on file is looked for, so the read is audited before the 404.
      ['/years/1999', 404, [{ action: 'view_tax_year', detail: { taxpayer: taxpayer!.id, taxYear: 1999 } }]],
      [
        `/payoff?date=${date}`,
        200,
        [{ action: 'view_payoff', detail: { taxpayer: taxpayer!.id, payoffDate: date } }],
      ],
      ['/years/not-a-year', 404, []],
      ['/payoff?date=2026-02-30', 400, []],
    ] as const) {
      const before = (await viewsSince(0)).length;
      assert.equal((await mariaClient.get(path)).status, status, path);
      assert.deepEqual(await viewsSince(before), expected, path);
    }
  });

  it('every read of taxpayer data is an audit event; a later sign-in reuses the link', async () => {
    const subject = await subjectLinkedTo('400123456');
    const events = await auditOf(subject);
    const actions = events.map((e) => e.action);
    for (const action of ['sign_in', 'taxpayer_linked', 'view_home', 'view_tax_year', 'view_payoff'])
      assert.ok(actions.includes(action), `audited: ${action} (got ${actions.join(', ')})`);
    const taxpayer = await system.account.taxpayers.findByTin('400123456');
    assert.deepEqual(events.find((e) => e.action === 'taxpayer_linked')?.detail, {
      taxpayer: taxpayer!.id,
      how: 'matched',
    });
    assert.ok(
      events.filter((e) => e.action.startsWith('view_')).every((e) => e.detail.taxpayer === taxpayer!.id),
    );
    assert.ok(!JSON.stringify(events).includes('400123456'), 'no SSN in the audit trail');
    // The link's stored claims are encrypted and never hold the number.
    const [link] = await system.account.db.query<{ claims_enc: string; tin_fp: string }>(
      'SELECT claims_enc, tin_fp FROM taxpayer_links WHERE subject = $1',
      [subject],
    );
    assert.ok(link && !link.claims_enc.includes('Maria') && link.tin_fp !== '400123456');
    assert.equal((await system.account.links.find(subject))?.claims.familyName, 'Garcia');
    assert.equal('tin' in (await system.account.links.find(subject))!.claims, false);

    const again = await signInToAccount(MARIA);
    assert.equal(again.status, 200);
    const linked = (await auditOf(subject)).filter((e) => e.action === 'taxpayer_linked');
    assert.deepEqual(
      linked.map((e) => e.detail.how),
      ['matched', 'existing link'],
    );
  });

  it('David’s home page shows his payment plan and the next scheduled payment', async () => {
    const today = agencyToday(new Date());
    const { home } = await signInToAccount(DAVID);
    const page = text(home);
    assert.match(
      page,
      /You have a payment plan \(installment agreement\) since Jul 1, 2024\. Tax years in the plan: 2023\./,
    );
    assert.match(
      page,
      /Long-term plan, paid by direct debit: \$200\.00 a month, due on day 28 of each month\./,
    );
    assert.match(page, /Next payment plan payment: \$200\.00, due [A-Z][a-z]{2} \d{1,2}, \d{4}\./);
    const expected = expectedYears(await recordsOf('452907731'), today).find((e) => e.year === 2023)!;
    assert.equal(rowCells(home, '2023').balance, money(expected.result.balanceDue));
    assert.notEqual(expected.result.balanceDue, '0.00');
  });

  it('Sofia’s year pages show the refund offset on both sides (TC 826 and TC 706)', async () => {
    const { client } = await signInToAccount(SOFIA);
    const from = text((await client.get('/years/2024')).body);
    assert.match(from, /TC 826 Overpayment applied to what you owed for tax year 2022 \$1,850\.00/);
    const to = text((await client.get('/years/2022')).body);
    assert.match(to, /TC 706 Overpayment from tax year 2024 applied to this year -\$1,850\.00/);
    assert.match(to, /CP503/);
  });

  it('a person whose address differs from the latest return sees why, and no records', async () => {
    const { client, home, status } = await signInToAccount(OLIVIA);
    assert.equal(status, 403);
    assert.match(home, /<h1[^>]*>We could not match you to your tax records<\/h1>/);
    assert.match(home, /data-link-problems="address"/);
    assert.match(text(home), /Your address does not match the address on your latest tax return/);
    assert.match(text(home), /Form 4506-T/, 'the other ways to get help');
    assert.match(home, /action="\/sign-out"/, 'never a dead end: sign out is on the page');
    for (const secret of ['602318847', '602-31-8847', 'Elm St', 'Lakeview'])
      assert.ok(!home.includes(secret));
    for (const path of ['/years/2024', '/payoff?date=2030-01-01']) {
      const page = await client.get(path);
      assert.equal(page.status, 403, path);
      assert.match(page.body, /We could not match you to your tax records/);
    }
    const taxpayer = await system.account.taxpayers.findByTin('602318847');
    const links = await system.account.db.query('SELECT 1 FROM taxpayer_links WHERE taxpayer_id = $1', [
      taxpayer!.id,
    ]);
    assert.equal(links.length, 0, 'not linked');
    const refused = await system.account.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_events WHERE action = 'taxpayer_link_refused' ORDER BY id DESC LIMIT 1",
    );
    assert.deepEqual(refused[0]?.detail, { problems: 'address', taxpayerFound: true });
  });

  it('a verified person with no taxpayer record is told so, without the number', async () => {
    const { home, status } = await signInToAccount(NORA);
    assert.equal(status, 403);
    assert.match(home, /data-link-problems="tin"/);
    assert.match(text(home), /We have no tax records for the SSN or ITIN you verified with/);
    assert.ok(!home.includes(NORA_SSN) && !home.includes('433-22-1190'));
    const refused = await system.account.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_events WHERE action = 'taxpayer_link_refused' ORDER BY id DESC LIMIT 1",
    );
    assert.deepEqual(refused[0]?.detail, { problems: 'tin', taxpayerFound: false });
  });

  it('signed out, the records pages send you to the home page to sign in', async () => {
    const anonymous = createHttpClient(system.account.server);
    for (const path of ['/years/2024', '/payoff?date=2030-01-01']) {
      const page = await anonymous.get(path);
      assert.equal(page.status, 303, path);
      assert.equal(page.location, '/');
    }
  });
});
