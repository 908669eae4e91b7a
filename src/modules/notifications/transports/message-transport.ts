/** A channel to reach a person outside the app. Implementations must be safe to call once per delivery row. */
export interface OutgoingMessage {
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  text: string;
}

export interface MessageTransport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
  /** The transport that carries this channel, for the delivery record (a router answers per channel). */
  nameFor?(channel: OutgoingMessage['channel']): string;
}

/**
 * An SMS gateway adapter: one text to one mainland mobile number. A provider (e.g. a cloud SMS service with a
 * registered signature and template) goes behind this; until one is configured the log or dev-mailbox one is used.
 */
export interface SmsTransport {
  readonly name: string;
  sendSms(to: string, text: string): Promise<void>;
}

/** What the notifications service sends through: e-mail and SMS routed to their own transports. */
export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');
/** E-mail: SMTP when SMTP_URL is set, otherwise the log. */
export const EMAIL_TRANSPORT = Symbol('EMAIL_TRANSPORT');
export const SMS_TRANSPORT = Symbol('SMS_TRANSPORT');
