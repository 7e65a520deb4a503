export interface DiffLine {
  op: 'same' | 'add' | 'remove';
  text: string;
}

/**
 * Line diff from `expected` to `actual` by longest common subsequence: `remove` lines are
 * expected but missing, `add` lines are printed (or predicted) but not expected. Inputs are
 * capped by the caller; this is quadratic in lines.
 */
export function lineDiff(expected: string, actual: string): DiffLine[] {
  const a = splitLines(expected);
  const b = splitLines(actual);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ op: 'same', text: a[i]! });
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) {
      out.push({ op: 'remove', text: a[i++]! });
    } else {
      out.push({ op: 'add', text: b[j++]! });
    }
  }
  while (i < a.length) out.push({ op: 'remove', text: a[i++]! });
  while (j < b.length) out.push({ op: 'add', text: b[j++]! });
  return out;
}

/** Lines without trailing whitespace, and without the trailing empty line a final newline makes. */
function splitLines(text: string): string[] {
  const lines = text.replace(/\r\n/g, '\n').replace(/\s+$/, '').split('\n');
  return lines.length === 1 && lines[0] === '' ? [] : lines.map((l) => l.replace(/\s+$/, ''));
}
