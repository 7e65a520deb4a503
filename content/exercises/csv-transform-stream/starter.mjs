import { Transform } from 'node:stream';

export function createCsvParser({ separator = ',' } = {}) {
  return new Transform({
    readableObjectMode: true,
    transform(chunk, encoding, callback) {
      callback(new Error('not implemented'));
    },
  });
}
