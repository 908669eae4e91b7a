import { ProblemError, asProblem } from './problem';

/**
 * A file the API streams behind the access token: a plain link cannot carry the Authorization header, so the page
 * fetches it through the typed client (which renews the session on 401) and hands the browser a blob to save.
 */
export async function saveFromApi(call: Promise<{ data?: unknown; error?: unknown; response: Response }>, fallbackName: string): Promise<void> {
  const { data, error, response } = await call;
  if (!response.ok) {
    // With parseAs 'blob' the refusal arrives as a blob too; read it back as the problem it is.
    const text = error instanceof Blob ? await error.text() : typeof error === 'string' ? error : null;
    let body: unknown = error;
    try {
      if (text) body = JSON.parse(text);
    } catch {
      /* not JSON: asProblem gives the generic message with the status */
    }
    throw new ProblemError(asProblem(body, response.status));
  }
  const blob = data as Blob;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameFrom(response.headers.get('Content-Disposition')) ?? fallbackName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="([^"]+)"/i.exec(disposition);
  return plain ? plain[1] : null;
}
