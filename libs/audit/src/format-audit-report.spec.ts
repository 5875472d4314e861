import { formatAuditReport } from './format-audit-report';

describe('formatAuditReport', () => {
  it('reports an intact log with its number of events', () => {
    expect(formatAuditReport({ events: 1234, altered: [], broken: [] })).toEqual({
      intact: true,
      lines: ['audit log intact: 1234 events'],
    });
    expect(formatAuditReport({ events: 1, altered: [], broken: [] }).lines).toEqual([
      'audit log intact: 1 event',
    ]);
  });

  it('names every altered event and every broken link, in sequence order, then a summary', () => {
    const report = formatAuditReport({ events: 40, altered: ['17', '9'], broken: ['18', '100'] });
    expect(report.intact).toBe(false);
    expect(report.lines).toEqual([
      'event 9: content altered',
      'event 17: content altered',
      'event 18: previous event missing or altered',
      'event 100: previous event missing or altered',
      'audit log NOT intact: 2 altered events, 2 broken links in 40 events',
    ]);
  });

  it('lists both findings of an event that is altered and badly linked', () => {
    const report = formatAuditReport({ events: 3, altered: ['2'], broken: ['2'] });
    expect(report.lines).toEqual([
      'event 2: content altered',
      'event 2: previous event missing or altered',
      'audit log NOT intact: 1 altered event, 1 broken link in 3 events',
    ]);
  });

  it('orders sequence numbers beyond the range of a double exactly', () => {
    const report = formatAuditReport({
      events: 2,
      altered: ['9007199254740993', '9007199254740992'],
      broken: [],
    });
    expect(report.lines.slice(0, 2)).toEqual([
      'event 9007199254740992: content altered',
      'event 9007199254740993: content altered',
    ]);
  });
});
