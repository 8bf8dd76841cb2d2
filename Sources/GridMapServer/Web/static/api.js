// GridMap's API as the console calls it: JSON in and out with the token from the panel (kept in
// this browser's local storage), its errors in words, and query strings.
import { $ } from './dom.js';

const token = $('token');
token.value = localStorage.getItem('gridmap.token') || '';
token.addEventListener('change', () => localStorage.setItem('gridmap.token', token.value.trim()));

/** A failed API call: the server's error code and detail. */
export class ApiError extends Error {
  constructor(status, body) {
    super(body && body.detail ? `${body.error}: ${body.detail}` : `HTTP ${status}`);
    this.status = status;
    this.body = body;
  }
}

/** Calls the API with the token from the panel; JSON in and out. */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const sent = { ...headers };
  const bearer = token.value.trim();
  if (bearer) sent.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (_) { json = null; }
  if (!response.ok) throw new ApiError(response.status, json);
  return { json, response };
}

/** What a failed call means to the person at the panel. */
export function explain(error) {
  if (error instanceof ApiError && error.status === 401) return '需要令牌：请在上方填写令牌。';
  if (error instanceof ApiError && error.status === 403) return `权限不足：${error.body ? error.body.detail : ''}`;
  return error.message;
}

/** The query string of the parameters that have a value. */
export const query = (parameters) => new URLSearchParams(Object.entries(parameters).filter(([, v]) => v !== '' && v != null)).toString();
