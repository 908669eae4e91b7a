import { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { smsMailboxAddress } from '../../src/modules/notifications/transports/mailbox-sms.transport';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  raw: string;
}

/**
 * A real SMTP server in the test process (the `smtp-server` package): the app sends through nodemailer over TCP
 * exactly as in production, and tests read what arrived. Texts to phones arrive here too, through the development
 * SMS transport (`<phone>@sms.localhost`).
 */
export class TestMailbox {
  readonly messages: ReceivedMail[] = [];
  private readonly waiters = new Set<() => void>();
  private server?: SMTPServer;
  private port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks);
          simpleParser(raw).then((mail) => {
            const to = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
            this.messages.push({ to, subject: mail.subject ?? '', text: mail.text ?? '', raw: raw.toString('utf8') });
            for (const wake of this.waiters) wake();
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async close(): Promise<void> {
    if (this.server) await new Promise<void>((resolve) => this.server!.close(() => resolve()));
    this.server = undefined;
  }

  /** Messages to a phone number or an e-mail address, oldest first. */
  to(phoneOrEmail: string): ReceivedMail[] {
    const address = (phoneOrEmail.includes('@') ? phoneOrEmail : smsMailboxAddress(phoneOrEmail)).toLowerCase();
    return this.messages.filter((m) => m.to.includes(address));
  }

  /** Waits (bounded) until a message matches; wakes on each arrival instead of polling on a timer. */
  async waitFor(match: (m: ReceivedMail) => boolean, what: string, timeoutMs = 30_000): Promise<ReceivedMail> {
    const found = () => this.messages.find(match);
    const now = found();
    if (now) return now;
    return new Promise<ReceivedMail>((resolve, reject) => {
      const wake = () => {
        const m = found();
        if (!m) return;
        cleanup();
        resolve(m);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no mail ${what} within ${timeoutMs} ms (received: ${this.messages.map((m) => m.to.join(',')).join('; ') || 'none'})`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
      };
      this.waiters.add(wake);
    });
  }
}

const LINK = /(https?:\/\/[^\s]+?\/invitations\/accept#token=([A-Za-z0-9._~-]+))/;

/** The invitation link and token in a received message. */
export function invitationIn(mail: ReceivedMail): { link: string; token: string } | null {
  const m = LINK.exec(mail.text);
  return m ? { link: m[1], token: decodeURIComponent(m[2]) } : null;
}
