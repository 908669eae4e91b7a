import { MessageTransport, SmsTransport } from './message-transport';

/** Where development texts land in the mail catcher: one address per phone number. */
export function smsMailboxAddress(phone: string): string {
  return `${phone}@sms.localhost`;
}

/**
 * Development and tests only (refused in production by the config): a text is delivered as an e-mail to
 * `<phone>@sms.localhost` in the local mail catcher, so someone invited by phone — every demo account — can read
 * their invitation in the same web inbox, and tests receive it through the same real SMTP server.
 */
export class MailboxSmsTransport implements SmsTransport {
  readonly name = 'sms-mailbox';

  constructor(private readonly email: MessageTransport) {}

  async sendSms(to: string, text: string): Promise<void> {
    await this.email.send({ channel: 'email', to: smsMailboxAddress(to), subject: `短信 SMS ${to}`, text });
  }
}
