import type { AuditChainReport } from './verify-audit-chain';

export interface FormattedAuditReport {
  intact: boolean;
  /** One line per finding (the first problem first), then a summary line. */
  lines: string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What `npm run audit:verify` prints for a verification of the audit log. */
export function formatAuditReport(report: AuditChainReport): FormattedAuditReport {
  const counts =
    `${plural(report.events, 'event')}, ${report.sealed} sealed, ${report.unsealed} not sealed yet, ` +
    `${plural(report.checkpoints, 'signed checkpoint')} verified`;
  if (report.findings.length === 0) {
    return { intact: true, lines: [`audit log intact: ${counts}`] };
  }
  return {
    intact: false,
    lines: [
      ...report.findings.map((f) =>
        /^\d+$/.test(f.at) ? `event ${f.at}: ${f.problem}` : `${f.at}: ${f.problem}`,
      ),
      `audit log NOT intact: ${plural(report.findings.length, 'problem')} in ${counts}`,
    ],
  };
}
