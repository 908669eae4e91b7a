import { Logger } from '@nestjs/common';
import { MessageTransport, OutgoingMessage } from './message-transport';

/** Development transport: writes the message to the log instead of sending it. */
export class LogTransport implements MessageTransport {
  readonly name = 'log';
  private readonly logger = new Logger('Mail');

  async send(message: OutgoingMessage): Promise<void> {
    this.logger.log({ msg: `${message.channel} to ${message.to}: ${message.subject}`, channel: message.channel, to: message.to, subject: message.subject, text: message.text });
  }
}
