import { ApiError, tokenStore, type Problem } from './client';

/**
 * Sends a multipart form to `/api<path>` with the session's token, reporting upload progress (fetch cannot), and
 * resolves with the JSON answer or throws an `ApiError` with the engine's Chinese message.
 */
export function uploadForm<T>(path: string, form: FormData, onProgress?: (percent: number) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    const token = tokenStore.get();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && onProgress) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onerror = () => reject(new ApiError(0, null, '无法连接服务器，请检查网络后重试'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const problem = body && typeof body === 'object' && 'status' in body ? (body as Problem) : null;
      const fallback = xhr.status === 413 ? '文件过大，超过上传大小上限' : `上传未能完成（错误代码 ${xhr.status}）`;
      reject(new ApiError(xhr.status, problem, problem?.detail || fallback));
    };
    xhr.send(form);
  });
}

/** Fetches a file with the session's token and hands it to the browser as a download under its own name. */
export async function downloadFile(path: string, fileName: string): Promise<void> {
  const token = tokenStore.get();
  const response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = null;
    }
    throw new ApiError(response.status, problem, problem?.detail || '下载未能完成，请稍后重试');
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
