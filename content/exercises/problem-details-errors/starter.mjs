export class HttpError extends Error {
  constructor(status, detail, options = {}) {
    super(detail);
    this.status = status;
  }
}

export function problemDetails({ log } = {}) {
  // TODO: map every error to an application/problem+json response.
  return (err, req, res, next) => {
    res.status(500).json({ error: err.message });
  };
}
