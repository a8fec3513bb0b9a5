import { ApiError, problemOf } from './client.ts';

/** How much of an upload has been sent, 0–1. */
export type OnProgress = (fraction: number) => void;

/**
 * Uploads a file's raw bytes like `upload`, reporting how much has been sent:
 * XMLHttpRequest, because fetch has no upload progress (a streamed request
 * body would need HTTP/2 and still not say what the server has taken).
 */
export function uploadWithProgress<T>(
  path: string,
  file: Blob,
  name: string,
  onProgress?: OnProgress,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}?name=${encodeURIComponent(name)}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(e.loaded / e.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(1);
        resolve(JSON.parse(xhr.responseText) as T);
        return;
      }
      // The same problem+json reading as every other request.
      const res = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '' },
      });
      void problemOf(res).then(reject, reject);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          { type: 'urn:zhiping:problem:network', title: '网络连接失败', status: 0 },
          {},
        ),
      );
    xhr.send(file);
  });
}
