import type { AuditChainReport } from './verify-audit-chain';

export interface FormattedAuditReport {
  intact: boolean;
  /** One line per finding in sequence order, then a summary line. */
  lines: string[];
}

const bySeq = (a: string, b: string) =>
  BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What `npm run audit:verify` prints for a verification of the audit chain. */
export function formatAuditReport(report: AuditChainReport): FormattedAuditReport {
  if (report.altered.length === 0 && report.broken.length === 0) {
    return { intact: true, lines: [`audit log intact: ${plural(report.events, 'event')}`] };
  }
  const findings = [
    ...report.altered.map((seq) => ({ seq, order: 0, text: 'content altered' })),
    ...report.broken.map((seq) => ({ seq, order: 1, text: 'previous event missing or altered' })),
  ].sort((a, b) => bySeq(a.seq, b.seq) || a.order - b.order);
  return {
    intact: false,
    lines: [
      ...findings.map((f) => `event ${f.seq}: ${f.text}`),
      `audit log NOT intact: ${plural(report.altered.length, 'altered event')}, ` +
        `${plural(report.broken.length, 'broken link')} in ${plural(report.events, 'event')}`,
    ],
  };
}
