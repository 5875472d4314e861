import { formatAuditReport } from './format-audit-report';

const counts = { events: 40, sealed: 38, unsealed: 2, checkpoints: 3 };

describe('formatAuditReport', () => {
  it('reports an intact log with its events, seals and verified checkpoints', () => {
    expect(formatAuditReport({ ...counts, findings: [] })).toEqual({
      intact: true,
      lines: [
        'audit log intact: 40 events, 38 sealed, 2 not sealed yet, 3 signed checkpoints verified',
      ],
    });
  });

  it('names the first problem first, events by number and checkpoints by file, then a summary', () => {
    const report = formatAuditReport({
      ...counts,
      findings: [
        { at: '9', problem: 'content altered' },
        { at: 'checkpoint-00000000000000000040.json', problem: 'checkpoint signature invalid' },
      ],
    });
    expect(report.intact).toBe(false);
    expect(report.lines).toEqual([
      'event 9: content altered',
      'checkpoint-00000000000000000040.json: checkpoint signature invalid',
      'audit log NOT intact: 2 problems in 40 events, 38 sealed, 2 not sealed yet, 3 signed checkpoints verified',
    ]);
  });
});
