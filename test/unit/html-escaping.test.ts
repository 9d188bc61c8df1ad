import { subjectAccessDocument } from '../../apps/api/src/subject-access/subject-access.document';
import { SUBJECT_ACCESS_EXAMPLE } from '../../apps/api/src/subject-access/subject-access.schemas';
import { renderMail } from '../../libs/notifications/src';

/** What people type (names, accounts, reasons) reaches an email or an export as text, never as markup. */
describe('HTML made from what people typed', () => {
  it('shows markup typed into a notice as text in the mail, and keeps the plain-text part as typed', () => {
    const mail = renderMail({
      subject: 'Review overdue',
      opening: 'Review of "5 & 7" <Flat 2>',
      facts: [['Team', "north's <b>team</b>"]],
      todo: 'Call <script>alert(1)</script> today',
      link: { url: 'http://localhost:3000/cases/ASB-2026-000001?tab=deadlines&view=all', label: 'Open the case' },
    });

    expect(mail.html).toContain('<p>Review of &quot;5 &amp; 7&quot; &lt;Flat 2&gt;</p>');
    expect(mail.html).toContain('<td>north&#39;s &lt;b&gt;team&lt;/b&gt;</td>');
    expect(mail.html).toContain('Call &lt;script&gt;alert(1)&lt;/script&gt; today');
    expect(mail.html).toContain('<a href="http://localhost:3000/cases/ASB-2026-000001?tab=deadlines&amp;view=all">Open the case</a>');
    expect(mail.html).not.toMatch(/<(script|b)>/);
    expect(mail.text).toContain('Review of "5 & 7" <Flat 2>');
  });

  it('shows markup in a subject access export as text', () => {
    const html = subjectAccessDocument({
      ...SUBJECT_ACCESS_EXAMPLE,
      person: { name: "Pat <b>O'Neil</b>" },
      withheld: ['Staff names & the deadline ledger <internal>'],
    });

    expect(html).toContain('<title>Subject access: Pat &lt;b&gt;O&#39;Neil&lt;/b&gt;</title>');
    expect(html).toContain('<h1>Information held about Pat &lt;b&gt;O&#39;Neil&lt;/b&gt;</h1>');
    expect(html).toContain('<li>Staff names &amp; the deadline ledger &lt;internal&gt;</li>');
    expect(html).not.toContain('<b>');
  });
});
