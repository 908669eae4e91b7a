import { OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { MessageTransport, OutgoingMessage } from './message-transport';

/**
 * E-mail over SMTP (nodemailer), to the server in SMTP_URL. Bounded timeouts: a send runs inside the job's
 * transaction, so a mail server that stops answering must fail the job (it is retried) rather than hold it open.
 */
export class SmtpTransport implements MessageTransport, OnModuleDestroy {
  readonly name = 'smtp';
  private readonly transporter: Transporter;

  constructor(smtpUrl: string, private readonly from: string) {
    const url = new URL(smtpUrl);
    this.transporter = createTransport({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: OutgoingMessage): Promise<void> {
    if (message.channel !== 'email') throw new Error('SmtpTransport sends e-mail only');
    await this.transporter.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
