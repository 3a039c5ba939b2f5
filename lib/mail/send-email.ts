import nodemailer from "nodemailer";
import type { Tx } from "@/lib/db/transaction";

export type Email = { to: string; subject: string; text: string };

const holder = globalThis as typeof globalThis & { __cordonMailer?: nodemailer.Transporter };

function transport(): nodemailer.Transporter | undefined {
  if (!process.env.SMTP_URL) return undefined;
  holder.__cordonMailer ??= nodemailer.createTransport(process.env.SMTP_URL);
  return holder.__cordonMailer;
}

/**
 * Records an email in the outbox inside the caller's transaction. Delivery
 * happens after commit (`deliverEmail`), so a rolled-back change sends nothing.
 */
export async function queueEmail(tx: Tx, email: Email): Promise<string> {
  const message = await tx.emailMessage.create({ data: email });
  return message.id;
}

/**
 * Sends a queued email through SMTP when SMTP_URL is set; otherwise it stays
 * in the local outbox (shown at /dev/mail) and is printed to the server log.
 */
export async function deliverEmail(db: Tx, id: string): Promise<void> {
  const message = await db.emailMessage.findUniqueOrThrow({ where: { id } });
  const smtp = transport();
  if (!smtp) {
    console.log(`[mail] to ${message.to}: ${message.subject}\n${message.text}\n`);
    return;
  }
  try {
    await smtp.sendMail({ from: process.env.MAIL_FROM ?? "Cordon <no-reply@cordon.local>", to: message.to, subject: message.subject, text: message.text });
    await db.emailMessage.update({ where: { id }, data: { sentAt: new Date() } });
  } catch (error) {
    await db.emailMessage.update({ where: { id }, data: { error: (error as Error).message } });
    console.error(`[mail] delivery to ${message.to} failed: ${(error as Error).message}`);
  }
}
