import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

function splitFields(line, separator) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          quoted = false;
        }
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === separator) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}

export function createCsvParser({ separator = ',' } = {}) {
  // Bytes become text here, so a character split across chunks is completed by the next chunk.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let header = null;
  let lineNo = 0;

  function handleLine(stream, raw) {
    lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') return;
    const fields = splitFields(line, separator);
    if (!header) {
      header = fields;
      return;
    }
    if (fields.length !== header.length) {
      throw new Error(`line ${lineNo}: expected ${header.length} fields, got ${fields.length}`);
    }
    const row = {};
    header.forEach((key, i) => {
      row[key] = fields[i];
    });
    stream.push(row);
  }

  function handleText(stream, text) {
    rest += text;
    let nl = rest.indexOf('\n');
    let start = 0;
    while (nl !== -1) {
      handleLine(stream, rest.slice(start, nl));
      start = nl + 1;
      nl = rest.indexOf('\n', start);
    }
    rest = rest.slice(start);
  }

  return new Transform({
    readableObjectMode: true,
    transform(chunk, encoding, callback) {
      try {
        const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
        handleText(this, text);
        callback();
      } catch (err) {
        callback(err);
      }
    },
    flush(callback) {
      try {
        handleText(this, decoder.end());
        if (rest !== '') handleLine(this, rest);
        rest = '';
        callback();
      } catch (err) {
        callback(err);
      }
    },
  });
}
