// Message catalogs. English is the source; Spanish must have exactly the same keys
// (enforced by the type checker). Keys are stable ids, so every error and message can be
// referenced from code and tests without matching on wording.
import { en as enCore } from './messages/en.ts';
import { es as esCore } from './messages/es.ts';
import { enRecovery } from './messages/en-recovery.ts';
import { esRecovery } from './messages/es-recovery.ts';
import { enSecurityNotices } from './messages/en-security-notices.ts';
import { esSecurityNotices } from './messages/es-security-notices.ts';
import { enWebauthn } from './messages/en-webauthn.ts';
import { esWebauthn } from './messages/es-webauthn.ts';
import { enAgencies } from './messages/en-agencies.ts';
import { esAgencies } from './messages/es-agencies.ts';
import { enBenefits } from './messages/en-benefits.ts';
import { esBenefits } from './messages/es-benefits.ts';
import { enFederation } from './messages/en-federation.ts';
import { esFederation } from './messages/es-federation.ts';
import { enRememberDevice } from './messages/en-remember-device.ts';
import { esRememberDevice } from './messages/es-remember-device.ts';
import { enRecords } from './messages/en-records.ts';
import { esRecords } from './messages/es-records.ts';
import { enPayments } from './messages/en-payments.ts';
import { esPayments } from './messages/es-payments.ts';
import { enPlans } from './messages/en-plans.ts';
import { esPlans } from './messages/es-plans.ts';
import { enPaymentsDev } from './messages/en-payments-dev.ts';
import { esPaymentsDev } from './messages/es-payments-dev.ts';
import { enIdv } from './messages/en-idv.ts';
import { esIdv } from './messages/es-idv.ts';
import { enIdvErrors } from './messages/en-idv-errors.ts';
import { esIdvErrors } from './messages/es-idv-errors.ts';
import { enIdvLetter } from './messages/en-idv-letter.ts';
import { esIdvLetter } from './messages/es-idv-letter.ts';

// One catalog per language, assembled from per-feature files so features can grow apart.
const en = {
  ...enCore,
  ...enRecovery,
  ...enSecurityNotices,
  ...enWebauthn,
  ...enFederation,
  ...enBenefits,
  ...enAgencies,
  ...enRememberDevice,
  ...enRecords,
  ...enPayments,
  ...enPlans,
  ...enPaymentsDev,
  ...enIdv,
  ...enIdvErrors,
  ...enIdvLetter,
};
const es = {
  ...esCore,
  ...esRecovery,
  ...esSecurityNotices,
  ...esWebauthn,
  ...esFederation,
  ...esBenefits,
  ...esAgencies,
  ...esRememberDevice,
  ...esRecords,
  ...esPayments,
  ...esPlans,
  ...esPaymentsDev,
  ...esIdv,
  ...esIdvErrors,
  ...esIdvLetter,
};

export type MessageKey = keyof typeof en;
export type Locale = 'en' | 'es';
export const LOCALES: readonly Locale[] = ['en', 'es'];

const catalogs: Record<Locale, Record<MessageKey, string>> = { en, es };

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale];
  return (key, params = {}) =>
    catalog[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Picks a locale from an explicit choice, then a saved preference, then Accept-Language. */
export function negotiateLocale(choice: unknown, saved: unknown, acceptLanguage: string | undefined): Locale {
  if (isLocale(choice)) return choice;
  if (isLocale(saved)) return saved;
  const ranges = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return {
        language: range.trim().split('-')[0]!.toLowerCase(),
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranges.map((r) => r.language).find(isLocale) ?? 'en';
}

export function allCatalogs(): Record<Locale, Record<MessageKey, string>> {
  return catalogs;
}
