/**
 * Validates req.body with a zod schema.
 *
 * The bug: after sending the 400 the middleware fell through to next(), so the route handler
 * ran anyway (with req.body undefined), created a record and tried to send a second response.
 * Sending a response must end the middleware: return right after it.
 * @param {import('zod').ZodType} schema
 */
export function validateBody(schema) {
  return (req, res, next) => {
    const result = schema.safeParse(req.body);
    if (!result.success) {
      res.status(400).json({
        error: 'invalid_body',
        issues: result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      });
      return;
    }
    req.body = result.data;
    next();
  };
}
