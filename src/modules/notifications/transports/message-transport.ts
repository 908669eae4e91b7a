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
}

export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');
