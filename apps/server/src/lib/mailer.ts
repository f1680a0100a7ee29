export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; returns false when no transport is configured. */
export interface Mailer {
  send(message: MailMessage): Promise<boolean>;
}

/** A mailer that records messages in memory; used when SMTP is not configured and in tests. */
export function createMemoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return {
    sent,
    async send(message) {
      sent.push(message);
      return false;
    },
  };
}
