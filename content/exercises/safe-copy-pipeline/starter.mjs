import fs from 'node:fs';

export async function copyFileSafely(source, destination, { transforms = [], signal } = {}) {
  // TODO: use pipeline, a temporary file and clean up on failure.
  return new Promise((resolve, reject) => {
    let stream = fs.createReadStream(source);
    for (const t of transforms) stream = stream.pipe(t);
    const out = fs.createWriteStream(destination);
    stream.pipe(out);
    out.on('finish', () => resolve(out.bytesWritten));
    out.on('error', reject);
  });
}
