import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

/** How many times the SMTP capture accepted a message with each Message-ID (angle brackets dropped). */
export async function messageIdCounts(mailboxDir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let files: string[];
  try {
    files = (await readdir(mailboxDir)).filter((name) => name.endsWith('.eml'));
  } catch {
    return counts;
  }
  for (const file of files) {
    const mail = await simpleParser(await readFile(join(mailboxDir, file)));
    const id = bare(mail.messageId ?? '(none)');
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

export function bare(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, '');
}
