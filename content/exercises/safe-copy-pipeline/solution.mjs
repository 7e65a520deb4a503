import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';

export async function copyFileSafely(source, destination, { transforms = [], signal } = {}) {
  const temp = path.join(path.dirname(destination), `${path.basename(destination)}.${randomUUID()}.tmp`);
  const input = fs.createReadStream(source);
  const output = fs.createWriteStream(temp, { flags: 'wx' });
  try {
    await pipeline(input, ...transforms, output, signal ? { signal } : {});
    await fs.promises.rename(temp, destination);
    return output.bytesWritten;
  } catch (err) {
    // pipeline destroyed the streams; wait until the write stream has really closed, or it may
    // still create (or write to) the temp file after we remove it.
    if (!output.closed) await new Promise((resolve) => output.once('close', resolve));
    await fs.promises.rm(temp, { force: true }).catch(() => {});
    throw err;
  }
}
