import { createTransport, type Transporter } from 'nodemailer';

export interface OutgoingMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Deterministic, so a resend after a crash is recognisably the same message. */
  readonly messageId: string;
  readonly reference?: string;
}

/** Real SMTP, always: the local capture server in development and tests, the council's relay in production. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string) {
    this.transport = createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      ...(mail.reference ? { headers: { 'X-ASB-Case-Reference': mail.reference } } : {}),
    });
  }

  close(): void {
    this.transport.close();
  }
}
