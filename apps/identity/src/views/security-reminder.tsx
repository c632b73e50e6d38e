// The reminder Login.gov and the IRS show: we never contact you to ask for your details.
import type { PageContext } from '#platform/ui/page-context.ts';

export function SecurityReminder({ ctx }: { ctx: PageContext }) {
  return (
    <aside class="usa-summary-box margin-top-4" aria-labelledby="security-reminder-heading">
      <div class="usa-summary-box__body">
        <h2 class="usa-summary-box__heading" id="security-reminder-heading">
          {ctx.t('idp.reminder.title')}
        </h2>
        <p class="usa-summary-box__text">{ctx.t('idp.reminder.body')}</p>
        <p class="usa-summary-box__text">{ctx.t('idp.reminder.report')}</p>
      </div>
    </aside>
  );
}
