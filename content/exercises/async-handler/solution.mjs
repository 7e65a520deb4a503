const FALSY_MESSAGE = 'asyncHandler: handler rejected with a falsy value';

/**
 * Wraps an Express handler so that a rejected promise or a thrown error reaches next(err).
 * @param {(req: any, res: any, next: Function) => unknown} fn
 */
export function asyncHandler(fn) {
  if (typeof fn !== 'function') throw new TypeError('asyncHandler expects a function');
  return async function asyncHandlerMiddleware(req, res, next) {
    try {
      // `await` covers both a returned promise and a plain value; the try covers a sync throw.
      await fn.call(this, req, res, next);
    } catch (err) {
      next(err || new Error(FALSY_MESSAGE));
    }
  };
}
