import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { projectRoot } from '../../config/src/project-root';
import { simpleParser } from 'mailparser';

/**
 * `npm run mailbox` lists what the local capture SMTP server received; `npm run mailbox -- 3` prints
 * the third message in full. Reads the folder the local stack writes (`MAILBOX_DIR`, default .data/mailbox).
 */
async function main(): Promise<void> {
  const dir = resolve(process.env.MAILBOX_DIR ?? join(projectRoot(), '.data/mailbox'));
  let files: string[];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('.eml')).sort();
  } catch {
    console.log(`No mailbox at ${dir} yet: start the stack with \`npm run up\`.`);
    return;
  }
  const wanted = process.argv[2] ? Number(process.argv[2]) : undefined;
  if (wanted !== undefined) {
    const file = files[wanted - 1];
    if (!file) throw new Error(`there is no message ${wanted}; the mailbox holds ${files.length}`);
    const mail = await simpleParser(readFileSync(join(dir, file)));
    console.log(`From: ${mail.from?.text ?? ''}\nTo: ${[mail.to ?? []].flat().map((a) => a.text).join(', ')}`);
    console.log(`Date: ${mail.date?.toISOString() ?? ''}\nMessage-ID: ${mail.messageId ?? ''}\nSubject: ${mail.subject ?? ''}\n\n${mail.text ?? ''}`);
    return;
  }
  console.log(`${files.length} message(s) in ${dir}`);
  for (const [index, file] of files.entries()) {
    const mail = await simpleParser(readFileSync(join(dir, file)));
    const to = [mail.to ?? []].flat().map((a) => a.text).join(', ');
    console.log(`${String(index + 1).padStart(4)}  ${mail.date?.toISOString() ?? ''}  ${to}  ${mail.subject ?? ''}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
