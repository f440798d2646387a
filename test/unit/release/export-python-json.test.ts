// Expected strings are what CPython 3 prints for the same values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PyFloat, pyFloatRepr, pyJsonIndented, pyJsonLine } from '../../../src/core/release/export-python-json';

test('floats are written as Python repr()', () => {
  const cases: [number, string][] = [
    [1709233454.0, '1709233454.0'],
    [0.1, '0.1'],
    [1.5e-5, '1.5e-05'],
    [1e16, '1e+16'],
    // A literal Python itself rounds: the point is to print it as repr() does.
    // eslint-disable-next-line no-loss-of-precision
    [1.2345678901234567e16, '1.2345678901234568e+16'],
    [123.456, '123.456'],
    [1e-4, '0.0001'],
    [0.00012, '0.00012'],
    [-2.5, '-2.5'],
    [1e22, '1e+22'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [100.0, '100.0'],
    [-0.0, '-0.0'],
    [0, '0.0'],
    [9999999999999998.0, '9999999999999998.0'],
  ];
  for (const [value, expected] of cases) assert.equal(pyFloatRepr(value), expected, String(value));
});

test('json.dumps(indent=4) with ensure_ascii, empty containers inline, no final newline', () => {
  const value = new Map<string, unknown>([
    ['a', ['é', '😀', '\x7f\x00\x1f', 'q"\\/']],
    ['b', new Map()],
    ['c', []],
    ['d', new Map([['x', [1, new Map()]]])],
  ]);
  const expected = [
    '{',
    '    "a": [',
    '        "\\u00e9",',
    '        "\\ud83d\\ude00",',
    '        "\\u007f\\u0000\\u001f",',
    '        "q\\"\\\\/"',
    '    ],',
    '    "b": {},',
    '    "c": [],',
    '    "d": {',
    '        "x": [',
    '            1,',
    '            {}',
    '        ]',
    '    }',
    '}',
  ].join('\n');
  assert.equal(pyJsonIndented(value as never), expected);
});

test('json.dumps() default separators; keys keep insertion order even when integer-like', () => {
  const value = new Map<string, unknown>([
    ['b', ['é', '😀']],
    ['1979', new Map()],
    ['c', [1, new PyFloat(2)]],
    ['n', null],
    ['t', true],
  ]);
  assert.equal(
    pyJsonLine(value as never),
    '{"b": ["\\u00e9", "\\ud83d\\ude00"], "1979": {}, "c": [1, 2.0], "n": null, "t": true}',
  );
});

test("floats Python cannot hold in JSON are written as Python's json writes them; short escapes as Python's", () => {
  assert.deepEqual(
    [NaN, Infinity, -Infinity].map((value) => pyJsonLine(new PyFloat(value))),
    ['NaN', 'Infinity', '-Infinity'],
  );
  assert.deepEqual(
    [pyFloatRepr(1e-5), pyFloatRepr(-2.5e-7), pyFloatRepr(1e16), pyFloatRepr(0.0001)],
    ['1e-05', '-2.5e-07', '1e+16', '0.0001'],
  );
  assert.equal(pyJsonLine('a"b\\c\nd\re\tf\bg\fh\u0001'), '"a\\"b\\\\c\\nd\\re\\tf\\bg\\fh\\u0001"');
});
