import nodemailer from "nodemailer";

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends mail; returns false when no transport is configured (the message is not sent). */
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

/** Sends through SMTP (`SMTP_URL`, e.g. smtp://user:pass@mail.example.de:587) with nodemailer. */
export function createSmtpMailer(options: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(message) {
      await transport.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
      });
      return true;
    },
  };
}
