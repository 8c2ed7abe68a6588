// An in-memory stand-in for the plugin's REST routes, installed as api-fetch's fetch handler: the components
// run their real requests (path, method, body) and the test sees every call. Each route answers with a body
// (or a WordPress REST error and status) and may read the request.
import apiFetch, { type APIFetchOptions } from '@wordpress/api-fetch';

export interface Call {
  method: string;
  path: string;
  data: unknown;
}

type Answer = { status?: number; body: unknown; headers?: Record<string, string> };
type Route = (call: Call) => Answer;

export function fakeRest(routes: Record<string, Route>): Call[] {
  const calls: Call[] = [];
  apiFetch.setFetchHandler(async (options: APIFetchOptions) => {
    // api-fetch's own middleware adds _locale=user to every path; the routes are written without it.
    const path = (options.path ?? '').replace(/[?&]_locale=user$/, '').replace('_locale=user&', '');
    const call: Call = { method: (options.method ?? 'GET').toUpperCase(), path, data: options.data ?? null };
    calls.push(call);
    const key = Object.keys(routes).find((pattern) =>
      new RegExp(`^${pattern.replace(/\?/g, '\\?')}$`).test(`${call.method} ${call.path}`),
    );
    if (!key)
      throw { code: 'rest_no_route', message: `No route ${call.method} ${call.path}`, data: { status: 404 } };
    const answer = routes[key]!(call);
    const status = answer.status ?? 200;
    if (options.parse === false) {
      return new Response(JSON.stringify(answer.body), {
        status,
        headers: { 'Content-Type': 'application/json', ...(answer.headers ?? {}) },
      });
    }
    if (status >= 400) throw answer.body;
    return answer.body;
  });
  return calls;
}
