import { ApiError } from '../../api/call';
import { api } from '../../api/client';
import { isProblem } from '../../api/problem';
import type { paths } from '../../api/schema';

export type OfficialsQuery = NonNullable<
  paths['/api/v1/officials.csv']['get']['parameters']['query']
>;

/**
 * The officials matching the filters as a CSV file. A plain link cannot carry the bearer token
 * (it lives in memory only), so the file is fetched with it and handed to the browser as a Blob
 * URL; its name is the one the API gives, in the user's language.
 */
export async function downloadOfficialsCsv(query: OfficialsQuery, fallbackName: string) {
  const { data, error, response } = await api.GET('/api/v1/officials.csv', {
    params: { query },
    parseAs: 'blob',
  });
  if (!response.ok || !data)
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  const name =
    /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ??
    fallbackName;
  const url = URL.createObjectURL(data as Blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file over; the URL would otherwise hold the data until unload.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
