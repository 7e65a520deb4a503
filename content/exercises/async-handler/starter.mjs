/**
 * Wraps an Express handler so that a rejected promise or a thrown error reaches next(err).
 * @param {(req: any, res: any, next: Function) => unknown} fn
 */
export function asyncHandler(fn) {
  // TODO: forward rejections and synchronous throws to next(err).
  return (req, res, next) => {
    fn(req, res, next);
  };
}
