import { ApiError } from '../api/call';
import { api } from '../api/client';
import { isProblem } from '../api/problem';

/** The file name of a Content-Disposition header (`filename*=UTF-8''…` preferred, RFC 6266). */
export function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(disposition);
  const name = (plain?.[1] ?? plain?.[2])?.trim();
  // Only the last path segment: a name never chooses a folder.
  return name ? name.split(/[\\/]/).pop() || undefined : undefined;
}

/**
 * Downloads a completed export. The file needs the bearer token, so a plain link cannot fetch it:
 * it is fetched here and saved through a Blob URL under the name the API gives it.
 */
export async function downloadExport(id: string): Promise<string> {
  const { data, error, response } = await api.GET('/api/v1/exports/{id}/file', {
    params: { path: { id } },
    parseAs: 'blob',
  });
  if (!response.ok || !data) {
    throw new ApiError(response.status, isProblem(error) ? error : undefined);
  }
  const name = fileNameOf(response.headers.get('Content-Disposition')) ?? `amparo-export-${id}`;
  saveBlob(data as Blob, name);
  return name;
}

/** Hands a fetched file to the browser's download under a name, through a Blob URL. */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The click has handed the Blob to the browser's download; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}
