import { Client } from 'pg';

/** The query texts every pg client of this process sends while `work` runs, in order. */
export async function statementsSentDuring(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const original = Client.prototype.query;
  const spy = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
    this: Client,
    ...args: Parameters<Client['query']>
  ) {
    const [config] = args as unknown[];
    sent.push(typeof config === 'string' ? config : String((config as { text?: string })?.text));
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as never);
  try {
    await work();
  } finally {
    spy.mockRestore();
  }
  return sent;
}
