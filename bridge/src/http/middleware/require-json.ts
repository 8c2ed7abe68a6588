import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env.js';
import { ApiError } from '../problem.js';

/** `application/json`, with or without parameters (`; charset=utf-8`), any letter case (RFC 9110 §8.3.1). */
const JSON_MEDIA_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Refuses a body that does not say it is JSON, before it is read: a `text/plain` or form body is `415
 * unsupported_media_type`, never parsed as JSON on a guess. Browsers can send `text/plain` cross-origin without
 * a preflight, so guessing would also widen what a hostile page could make a browser send.
 */
export function requireJson() {
  return createMiddleware<AppEnv>(async (c, next) => {
    const type = c.req.header('content-type') ?? '';
    if (!JSON_MEDIA_TYPE.test(type.trim())) {
      throw new ApiError(
        'unsupported_media_type',
        type === ''
          ? 'Send the body with Content-Type: application/json.'
          : `The body is ${type.split(';')[0]?.trim().slice(0, 100)}; send it as Content-Type: application/json.`,
      );
    }
    await next();
  });
}
