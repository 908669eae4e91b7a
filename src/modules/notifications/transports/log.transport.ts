import { Logger } from '@nestjs/common';
import { maskPhone } from '@sanshe/common';
import { MessageTransport, OutgoingMessage, SmsTransport } from './message-transport';

/**
 * Development transport: records that a message would have been sent, without sending it. Only the channel, a
 * masked recipient and the subject are logged — never the text, which may carry a one-time link (an invitation
 * token in a log would let anyone reading logs take over the invited account).
 */
export class LogTransport implements MessageTransport, SmsTransport {
  readonly name = 'log';
  private readonly logger = new Logger('Mail');

  async send(message: OutgoingMessage): Promise<void> {
    const to = message.channel === 'sms' ? maskPhone(message.to) : message.to.replace(/^(.).*(@.*)$/, '$1***$2');
    this.logger.log({ msg: `${message.channel} to ${to}: ${message.subject}`, channel: message.channel, to, subject: message.subject, textLength: message.text.length });
  }

  async sendSms(to: string, text: string): Promise<void> {
    await this.send({ channel: 'sms', to, subject: 'SMS', text });
  }
}
