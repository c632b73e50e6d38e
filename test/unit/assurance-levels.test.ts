// acr_values against an agency's registration, and which requirement an account misses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACR,
  ACR_VALUES_SUPPORTED,
  authenticationLevelOf,
  levelsShortfall,
  readRequestedLevels,
  type AgencyLevels,
  type AuthenticationLevel,
  type IdentityLevel,
} from '../../apps/identity/src/federation/assurance-levels.ts';
import { aalFromAmr } from '../../apps/identity/src/oidc/claims.ts';

const IAL1: AgencyLevels = { ial: 1, facialMatch: false, phishingResistant: false, aal: 2 };
const IAL2: AgencyLevels = { ial: 2, facialMatch: false, phishingResistant: false, aal: 2 };
const IAL2_FACE_PR: AgencyLevels = { ial: 2, facialMatch: true, phishingResistant: true, aal: 2 };
/** Accepts a password alone on a remembered browser. */
const AAL1: AgencyLevels = { ial: 1, facialMatch: false, phishingResistant: false, aal: 1 };
/** Not a registration the schema accepts (ial 2 needs aal 2); the rule holds on its own anyway. */
const IAL2_AAL1: AgencyLevels = { ial: 2, facialMatch: false, phishingResistant: false, aal: 1 };

describe('readRequestedLevels', () => {
  const cases: [string, string | undefined, AgencyLevels, string][] = [
    ['nothing asked: the IAL1 agency default', undefined, IAL1, 'auth-only aal2'],
    ['nothing asked: the IAL2 agency default', undefined, IAL2, 'verified aal2'],
    [
      'nothing asked: phishing resistance by registration',
      '',
      IAL2_FACE_PR,
      'verified aal2-phishing-resistant',
    ],
    ['auth-only at an IAL2 agency', ACR.authOnly, IAL2, 'auth-only aal2'],
    ['verified + AAL2', `${ACR.verified} ${ACR.aal2}`, IAL2, 'verified aal2'],
    [
      'order does not matter',
      `${ACR.aal2PhishingResistant} ${ACR.verified}`,
      IAL2,
      'verified aal2-phishing-resistant',
    ],
    [
      'facial match where registered',
      ACR.verifiedFacialMatch,
      IAL2_FACE_PR,
      'verified-facial-match aal2-phishing-resistant',
    ],
    ['only the authentication level', ACR.aal2PhishingResistant, IAL1, 'auth-only aal2-phishing-resistant'],
    ['extra spaces', `  ${ACR.authOnly}   ${ACR.aal2} `, IAL1, 'auth-only aal2'],
    // A preference list (OIDC Core §3.1.2.1): the first level the agency may have wins.
    ['every value, at an IAL2 agency', ACR_VALUES_SUPPORTED.join(' '), IAL2, 'auth-only aal2'],
    ['every value, at an IAL1 agency', ACR_VALUES_SUPPORTED.join(' '), IAL1, 'auth-only aal2'],
    [
      'every value, where facial match is registered',
      ACR_VALUES_SUPPORTED.join(' '),
      IAL2_FACE_PR,
      'auth-only aal2',
    ],
    ['preference order', `${ACR.verifiedFacialMatch} ${ACR.verified} ${ACR.authOnly}`, IAL2, 'verified aal2'],
    [
      'two authentication levels: the first',
      `${ACR.aal2PhishingResistant} ${ACR.aal2}`,
      IAL1,
      'auth-only aal2-phishing-resistant',
    ],
    // AAL1: only where registered, and it is then the default.
    ['nothing asked: the AAL1 agency default', undefined, AAL1, 'auth-only aal1'],
    ['only the identity level at an AAL1 agency', ACR.authOnly, AAL1, 'auth-only aal1'],
    ['AAL1 where registered', `${ACR.authOnly} ${ACR.aal1}`, AAL1, 'auth-only aal1'],
    ['AAL2 at an AAL1 agency', ACR.aal2, AAL1, 'auth-only aal2'],
    [
      'phishing-resistant at an AAL1 agency',
      ACR.aal2PhishingResistant,
      AAL1,
      'auth-only aal2-phishing-resistant',
    ],
    ['AAL1 first, then AAL2, at an AAL2 agency: AAL2', `${ACR.aal1} ${ACR.aal2}`, IAL1, 'auth-only aal2'],
    ['every value, at an AAL1 agency', ACR_VALUES_SUPPORTED.join(' '), AAL1, 'auth-only aal1'],
    ['nothing asked where IAL2 and AAL1 were both set: AAL2 for IAL2', undefined, IAL2_AAL1, 'verified aal2'],
    [
      'verified, then AAL1 or AAL2: AAL2',
      `${ACR.verified} ${ACR.aal1} ${ACR.aal2}`,
      IAL2_AAL1,
      'verified aal2',
    ],
    [
      'auth-only and AAL1 where IAL2 and AAL1 were both set',
      `${ACR.authOnly} ${ACR.aal1}`,
      IAL2_AAL1,
      'auth-only aal1',
    ],
  ];
  for (const [name, acrValues, agency, expected] of cases) {
    it(name, () => {
      const result = readRequestedLevels(acrValues, agency);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(`${result.levels.identity} ${result.levels.authentication}`, expected);
    });
  }

  const refusals: [string, string, AgencyLevels, RegExp][] = [
    ['verified at an IAL1 agency', ACR.verified, IAL1, /not registered for urn:tia:ial:verified/],
    ['facial match without registration', ACR.verifiedFacialMatch, IAL2, /not registered for/],
    ['an unknown value', 'urn:other:loa:3', IAL2, /unsupported acr_values: urn:other:loa:3/],
    [
      'only identity levels above the registration',
      `${ACR.verifiedFacialMatch} ${ACR.verified}`,
      IAL1,
      /not registered for urn:tia:ial:verified-facial-match/,
    ],
    ['AAL1 at an AAL2 agency', ACR.aal1, IAL1, /not registered for urn:tia:aal:1/],
    [
      'auth-only with AAL1 at an AAL2 agency',
      `${ACR.authOnly} ${ACR.aal1}`,
      IAL2,
      /not registered for urn:tia:aal:1/,
    ],
    // IAL2 always needs AAL2.
    [
      'verified with AAL1 at an IAL2 agency',
      `${ACR.verified} ${ACR.aal1}`,
      IAL2,
      /urn:tia:ial:verified needs urn:tia:aal:2/,
    ],
    [
      'verified with AAL1 even where AAL1 is set',
      `${ACR.verified} ${ACR.aal1}`,
      IAL2_AAL1,
      /urn:tia:ial:verified needs urn:tia:aal:2/,
    ],
    [
      'verified with AAL1 at an AAL1 agency (identity first)',
      `${ACR.verified} ${ACR.aal1}`,
      AAL1,
      /not registered for urn:tia:ial:verified$/,
    ],
  ];
  for (const [name, acrValues, agency, problem] of refusals) {
    it(`refuses ${name}`, () => {
      const result = readRequestedLevels(acrValues, agency);
      assert.equal(result.ok, false);
      assert.match((result as { problem: string }).problem, problem);
    });
  }

  it('publishes six values, identity first, then authentication from the lowest', () => {
    assert.deepEqual(ACR_VALUES_SUPPORTED, [
      'urn:tia:ial:auth-only',
      'urn:tia:ial:verified',
      'urn:tia:ial:verified-facial-match',
      'urn:tia:aal:1',
      'urn:tia:aal:2',
      'urn:tia:aal:2:phishing-resistant',
    ]);
  });
});

describe('levelsShortfall', () => {
  const cases: [
    IdentityLevel,
    AuthenticationLevel,
    IdentityLevel,
    AuthenticationLevel,
    string | undefined,
  ][] = [
    ['auth-only', 'aal2', 'auth-only', 'aal2', undefined],
    ['verified', 'aal2', 'auth-only', 'aal2', 'identity'],
    ['verified', 'aal2', 'verified', 'aal2', undefined],
    ['verified', 'aal2', 'verified-facial-match', 'aal2', undefined],
    ['verified-facial-match', 'aal2', 'verified', 'aal2-phishing-resistant', 'identity'],
    ['verified', 'aal2-phishing-resistant', 'verified', 'aal2', 'authentication'],
    ['verified', 'aal2-phishing-resistant', 'verified', 'aal2-phishing-resistant', undefined],
    ['verified', 'aal2-phishing-resistant', 'auth-only', 'aal2', 'identity'],
    // aal1 < aal2 < aal2-phishing-resistant
    ['auth-only', 'aal1', 'auth-only', 'aal1', undefined],
    ['auth-only', 'aal1', 'auth-only', 'aal2', undefined],
    ['auth-only', 'aal1', 'auth-only', 'aal2-phishing-resistant', undefined],
    ['auth-only', 'aal2', 'auth-only', 'aal1', 'authentication'],
    ['auth-only', 'aal2-phishing-resistant', 'auth-only', 'aal1', 'authentication'],
    ['verified', 'aal2', 'verified', 'aal1', 'authentication'],
  ];
  for (const [identity, authentication, reachedIdentity, reachedAuthentication, expected] of cases) {
    it(`asked ${identity}/${authentication}, has ${reachedIdentity}/${reachedAuthentication} → ${expected ?? 'met'}`, () => {
      assert.equal(
        levelsShortfall(
          { identity, authentication },
          { identity: reachedIdentity, authentication: reachedAuthentication },
        ),
        expected,
      );
    });
  }
});

describe('authenticationLevelOf (amr) and the aal claim', () => {
  const cases: [string[] | undefined, AuthenticationLevel, string][] = [
    [['pwd'], 'aal1', ACR.aal1],
    [undefined, 'aal1', ACR.aal1],
    [[], 'aal1', ACR.aal1],
    [['pwd', 'otp'], 'aal2', ACR.aal2],
    [['pwd', 'sms'], 'aal2', ACR.aal2],
    [['pwd', 'hwk'], 'aal2-phishing-resistant', ACR.aal2PhishingResistant],
  ];
  for (const [amr, level, claim] of cases) {
    it(`${JSON.stringify(amr)} → ${level}`, () => {
      assert.equal(authenticationLevelOf(amr), level);
      assert.equal(aalFromAmr(amr), claim);
    });
  }
});
