/** Asking the server for an export and saving it as a file in the browser. */
import { ApiError } from '../app/session.js';

/** The format names of `GET /api/documents/:id/export`. */
export type ExportFormatName = 'docx' | 'md' | 'html' | 'json' | 'csv' | 'amendments-docx';

/** The choices of the export dialog. */
export interface ExportChoice {
  format: ExportFormatName;
  /** `live` or a version id. */
  version: string;
  changes: 'marked' | 'clean';
  parked: boolean;
  disputed: boolean;
  comments: boolean;
  /** "Definitieve nummering": a clean text numbered consecutively (Word, Markdown, HTML). */
  finalNumbering: boolean;
  lang: 'nl' | 'en';
}

/** Whether a choice can be numbered consecutively: a clean text to read. */
export function canNumberFinally(choice: ExportChoice): boolean {
  return choice.changes === 'clean' && ['docx', 'md', 'html'].includes(choice.format);
}

/** The export API address of a choice (options at their defaults are left out). */
export function exportUrl(documentId: string, choice: ExportChoice): string {
  const query = new URLSearchParams({ format: choice.format });
  if (choice.version !== 'live') query.set('version', choice.version);
  query.set('changes', choice.changes);
  if (!choice.parked) query.set('parked', '0');
  if (!choice.disputed) query.set('disputed', '0');
  if (choice.comments && choice.format === 'docx') query.set('comments', '1');
  if (choice.finalNumbering && canNumberFinally(choice)) query.set('numbering', 'final');
  query.set('lang', choice.lang);
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query.toString()}`;
}

/** The file name of a `Content-Disposition: attachment; filename="…"` header, or null. */
export function fileNameOf(disposition: string | null): string | null {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? null;
}

/**
 * Fetches an export (the session cookie signs the request) and hands it to the
 * browser as a download. Returns the file name; a refusal becomes an `ApiError` with the server's sentence.
 */
export async function downloadExport(documentId: string, choice: ExportChoice): Promise<string> {
  const res = await fetch(exportUrl(documentId, choice));
  if (!res.ok) {
    const text = await res.text();
    let message = res.statusText;
    try {
      message = (JSON.parse(text) as { error?: string }).error ?? message;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(res.status, message);
  }
  const blob = await res.blob();
  const name = fileNameOf(res.headers.get('content-disposition')) ?? `export.${choice.format}`;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the blob only after the click's turn; a minute is ample, then its memory is freed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** A named version as `GET /api/documents/:id/versions` lists it. */
export interface VersionChoice {
  id: string;
  name: string;
  createdAt: string;
}

/** The document's versions, or none when the versions API does not answer 200. */
export async function fetchVersionChoices(documentId: string): Promise<VersionChoice[]> {
  try {
    const res = await fetch(`/api/documents/${encodeURIComponent(documentId)}/versions`);
    if (res.status !== 200) return [];
    const list = (await res.json()) as unknown;
    return Array.isArray(list)
      ? list.filter(
          (v): v is VersionChoice =>
            typeof v === 'object' && v !== null && typeof (v as VersionChoice).id === 'string',
        )
      : [];
  } catch {
    return [];
  }
}
