// acr_values against an agency's registration, and which requirement an account misses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ACR,
  ACR_VALUES_SUPPORTED,
  levelsShortfall,
  readRequestedLevels,
  type AgencyLevels,
  type IdentityLevel,
} from '../../apps/identity/src/federation/assurance-levels.ts';

const IAL1: AgencyLevels = { ial: 1, facialMatch: false, phishingResistant: false };
const IAL2: AgencyLevels = { ial: 2, facialMatch: false, phishingResistant: false };
const IAL2_FACE_PR: AgencyLevels = { ial: 2, facialMatch: true, phishingResistant: true };

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
  ];
  for (const [name, acrValues, agency, problem] of refusals) {
    it(`refuses ${name}`, () => {
      const result = readRequestedLevels(acrValues, agency);
      assert.equal(result.ok, false);
      assert.match((result as { problem: string }).problem, problem);
    });
  }

  it('publishes five values, identity first', () => {
    assert.deepEqual(ACR_VALUES_SUPPORTED, [
      'urn:tia:ial:auth-only',
      'urn:tia:ial:verified',
      'urn:tia:ial:verified-facial-match',
      'urn:tia:aal:2',
      'urn:tia:aal:2:phishing-resistant',
    ]);
  });
});

describe('levelsShortfall', () => {
  const cases: [
    IdentityLevel,
    'aal2' | 'aal2-phishing-resistant',
    IdentityLevel,
    boolean,
    string | undefined,
  ][] = [
    ['auth-only', 'aal2', 'auth-only', false, undefined],
    ['verified', 'aal2', 'auth-only', false, 'identity'],
    ['verified', 'aal2', 'verified', false, undefined],
    ['verified', 'aal2', 'verified-facial-match', false, undefined],
    ['verified-facial-match', 'aal2', 'verified', true, 'identity'],
    ['verified', 'aal2-phishing-resistant', 'verified', false, 'authentication'],
    ['verified', 'aal2-phishing-resistant', 'verified', true, undefined],
    ['verified', 'aal2-phishing-resistant', 'auth-only', false, 'identity'],
  ];
  for (const [identity, authentication, reached, phishingResistant, expected] of cases) {
    it(`asked ${identity}/${authentication}, has ${reached}${phishingResistant ? ' with a security key' : ''} → ${expected ?? 'met'}`, () => {
      assert.equal(
        levelsShortfall({ identity, authentication }, { identity: reached, phishingResistant }),
        expected,
      );
    });
  }
});
