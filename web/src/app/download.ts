import { toApiError } from "./api-client";
import { currentLanguage } from "./i18n";

/** Hands a file made in the browser (or fetched) to the user as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name a response gives in Content-Disposition, else the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (utf8?.[1]) {
    try {
      return decodeURIComponent(utf8[1]);
    } catch {
      // a malformed name: use the plain one
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

/**
 * Posts JSON and saves the file the server answers with (a file made from what the user typed, e.g. a PDF
 * of an edited text). A GET download is a plain link instead.
 */
export async function postForFile(path: string, body: unknown, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept-Language": currentLanguage() },
      body: JSON.stringify(body),
    });
  } catch {
    throw toApiError(503, null);
  }
  if (!response.ok) {
    const text = await response.text();
    let payload: unknown = null;
    try {
      payload = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      payload = null;
    }
    throw toApiError(response.status, payload);
  }
  saveFile(await response.blob(), fileNameOf(response.headers.get("Content-Disposition"), fallbackName));
}
