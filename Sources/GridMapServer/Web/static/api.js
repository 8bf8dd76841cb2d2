// GridMap's API as the console calls it: JSON in and out under the signed-in person's session
// cookie (HttpOnly: the page never holds it) with the session's CSRF token on every change, its
// errors in words, and query strings.

/** The signed-in session's CSRF token (from GET/POST /v1/session), sent as X-CSRF-Token. */
let csrfToken = null;

/** Sets the CSRF token the session gave (null when signed out). */
export function useCSRFToken(token) { csrfToken = token; }

/** A failed API call: the server's error code and detail. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.detail ? `${body.error}: ${body.detail}` : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Calls the API as the signed-in person; JSON in and out. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const sent = { ...headers };
  if (method !== 'GET' && csrfToken) sent['X-CSRF-Token'] = csrfToken;
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers: sent, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (_) { json = null; }
  if (!response.ok) throw new ApiError(response.status, json);
  return { json, response };
}

/** What a failed call means to the person at the panel. */
export function explain(error) {
  if (error instanceof ApiError && error.status === 401) return '需要登录：请在上方输入姓名和密码。';
  if (error instanceof ApiError && error.status === 429) return `尝试过多，请稍后再试：${error.body ? error.body.detail : ''}`;
  if (error instanceof ApiError && error.status === 403) return `权限不足：${error.body ? error.body.detail : ''}`;
  return error.message;
}

/** The query string of the parameters that have a value. */
export const query = (parameters) => new URLSearchParams(Object.entries(parameters).filter(([, v]) => v !== '' && v != null)).toString();
