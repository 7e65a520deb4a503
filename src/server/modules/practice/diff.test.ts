import { describe, expect, it } from 'vitest';
import { lineDiff } from './diff.js';

describe('lineDiff', () => {
  it('marks every line the same when the prediction is right, ignoring trailing whitespace', () => {
    expect(lineDiff('a\nb\n', 'a  \nb')).toEqual([
      { op: 'same', text: 'a' },
      { op: 'same', text: 'b' },
    ]);
  });

  it('shows a swapped pair as one line removed and added around the common part', () => {
    expect(lineDiff('sync\ntick\npromise\n', 'sync\npromise\ntick\n')).toEqual([
      { op: 'same', text: 'sync' },
      { op: 'remove', text: 'tick' },
      { op: 'same', text: 'promise' },
      { op: 'add', text: 'tick' },
    ]);
  });

  it('handles an empty prediction and an empty expectation', () => {
    expect(lineDiff('x\n', '')).toEqual([{ op: 'remove', text: 'x' }]);
    expect(lineDiff('', 'y')).toEqual([{ op: 'add', text: 'y' }]);
    expect(lineDiff('', '')).toEqual([]);
  });
});
