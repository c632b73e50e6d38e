// Development telephony adapter: "sends" text messages and "places" voice calls by writing them
// to the outbox shown at /dev/outbox (channel 'sms' or 'voice', recipient in E.164).
// A voice call's body is the script as the voice would read it: long digit runs spaced out
// ("Your code is 1 2 3 4 5 6."), see spokenDigits in the port.
import {
  isE164,
  spokenDigits,
  TelephonyError,
  type E164,
  type TelephonyChannel,
  type TelephonySender,
} from '#platform/telephony/telephony-port.ts';
import type { OutboxRepo } from '../db/outbox-repo.ts';

export const OUTBOX_SUBJECTS: Record<TelephonyChannel, string> = {
  sms: 'Text message',
  voice: 'Voice call',
};

export function createOutboxTelephonySender(outbox: OutboxRepo): TelephonySender {
  async function deliver(channel: TelephonyChannel, to: E164, body: string): Promise<void> {
    // What a provider would answer for a value that only pretends to be E.164.
    if (!isE164(to)) throw new TelephonyError('invalid_number', channel, 'not an E.164 number');
    try {
      await outbox.add({ channel, recipient: to, subject: OUTBOX_SUBJECTS[channel], body });
    } catch (cause) {
      throw new TelephonyError('provider_failure', channel, 'could not write to the development outbox', {
        cause,
      });
    }
  }
  return {
    name: 'dev-outbox',
    sendSms: (to, text) => deliver('sms', to, text),
    placeVoiceCall: (to, spokenText) => deliver('voice', to, spokenDigits(spokenText)),
  };
}
