// "Remember this browser for 30 days": a checkbox on the pages where a second factor completes,
// shown only inside the request of an agency that accepts AAL1. The field's name and how a
// submitted form is read live here with it.
import type { PageContext } from '#platform/ui/page-context.ts';

export const REMEMBER_FIELD = 'rememberDevice';

/** What the page shows: for how long, and whether the box is ticked (after an error). */
export interface RememberOffer {
  days: number;
  checked: boolean;
}

/** Whether a submitted form ticked the box. */
export function rememberTicked(body: unknown): boolean {
  return (
    typeof body === 'object' && body !== null && (body as Record<string, unknown>)[REMEMBER_FIELD] === 'yes'
  );
}

export function RememberDeviceField({ ctx, offer }: { ctx: PageContext; offer: RememberOffer | undefined }) {
  if (!offer) return null;
  const { t } = ctx;
  return (
    <div class="usa-checkbox margin-y-3">
      <input
        class="usa-checkbox__input usa-checkbox__input--tile"
        id="remember-device"
        type="checkbox"
        name={REMEMBER_FIELD}
        value="yes"
        checked={offer.checked}
      />
      <label class="usa-checkbox__label" for="remember-device">
        {t('idp.remember.label', { days: offer.days })}
        <span class="usa-checkbox__label-description">{t('idp.remember.hint')}</span>
      </label>
    </div>
  );
}
