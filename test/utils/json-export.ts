import { StatisticsExportDocument } from '@amparo/statistics';
import request from 'supertest';
import { eventually } from './eventually';

/**
 * Requests a statistics export in JSON through the API with `headers` (the caller's
 * Authorization), waits until the worker completes it, and returns the downloaded file parsed.
 * Fails when the request is refused or the export fails.
 */
export async function exportedDocument(
  server: Parameters<typeof request>[0],
  headers: Record<string, string>,
  body: Record<string, unknown>,
): Promise<StatisticsExportDocument> {
  const http = () => request(server);
  const created = await http()
    .post('/api/v1/exports')
    .set(headers)
    .send({ format: 'json', ...body });
  expect([created.status, created.body.errors]).toEqual([202, undefined]);
  await eventually(async () => {
    const res = await http().get(created.headers.location).set(headers);
    if (res.body.status === 'failed') throw new Error(`export failed: ${res.text}`);
    return res.body.status === 'completed' ? true : undefined;
  });
  const file = await http()
    .get(`/api/v1/exports/${created.body.id}/file`)
    .set(headers)
    .buffer(true)
    .parse((res, callback) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      res.on('end', () => callback(null, text));
    });
  return JSON.parse(file.body as string) as StatisticsExportDocument;
}
