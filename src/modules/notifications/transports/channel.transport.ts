import { Inject, Injectable } from '@nestjs/common';
import { EMAIL_TRANSPORT, MessageTransport, OutgoingMessage, SMS_TRANSPORT, SmsTransport } from './message-transport';

/** Sends each message through its channel's transport. */
@Injectable()
export class ChannelTransport implements MessageTransport {
  constructor(
    @Inject(EMAIL_TRANSPORT) private readonly email: MessageTransport,
    @Inject(SMS_TRANSPORT) private readonly sms: SmsTransport,
  ) {}

  get name(): string {
    return `${this.email.name}+${this.sms.name}`;
  }

  nameFor(channel: OutgoingMessage['channel']): string {
    return channel === 'email' ? this.email.name : this.sms.name;
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel === 'sms') await this.sms.sendSms(message.to, message.text);
    else await this.email.send(message);
  }
}
