// JSON written byte for byte as the release's Python wrote it:
// json.dumps(obj) (separators ", " and ": ") for JSONL lines and
// json.dump(obj, f, indent=4) for recs.json, both with ensure_ascii.

/** A number Python held as a float: written with Python's repr ("1709233454.0"). */
export class PyFloat {
  constructor(readonly value: number) {}
}

/** Objects are Maps so that key order is exactly insertion order (JS objects move integer-like keys first). */
export type PyValue = string | number | boolean | null | PyFloat | readonly PyValue[] | ReadonlyMap<string, PyValue>;

/** Python json.dumps(value) with default separators. */
export function pyJsonLine(value: PyValue): string {
  return write(value, null, '');
}

/** Python json.dumps(value, indent=4): item separator "," at line ends, no final newline. */
export function pyJsonIndented(value: PyValue, indent = 4): string {
  return write(value, ' '.repeat(indent), '');
}

function write(value: PyValue, indent: string | null, current: string): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return pyString(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : pyFloatRepr(value);
  if (value instanceof PyFloat) return pyFloatRepr(value.value);
  const entries: string[] = [];
  const inner = indent === null ? '' : current + indent;
  const isList = Array.isArray(value);
  if (isList) for (const item of value as readonly PyValue[]) entries.push(write(item, indent, inner));
  else
    for (const [key, item] of value as ReadonlyMap<string, PyValue>)
      entries.push(`${pyString(key)}: ${write(item, indent, inner)}`);
  const [open, close] = isList ? ['[', ']'] : ['{', '}'];
  if (entries.length === 0) return open + close;
  if (indent === null) return open + entries.join(', ') + close;
  return `${open}\n${inner}${entries.join(`,\n${inner}`)}\n${current}${close}`;
}

const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

/** ensure_ascii: every UTF-16 unit outside printable ASCII (space..~; DEL too) as \uXXXX (lowercase hex), so astral chars become surrogate pairs. */
export function pyString(text: string): string {
  return `"${text.replace(
    // Control characters are exactly what Python's ensure_ascii escapes.
    // eslint-disable-next-line no-control-regex
    /["\\\u0000-\u001f\u007f-\uffff]/g,
    (char) => SHORT_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )}"`;
}

/** Python's float repr: shortest round-trip digits, exponent form below 1e-4 or from 1e16 on. */
export function pyFloatRepr(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent < -4 || exponent >= 16) {
    const sign = exponent < 0 ? '-' : '+';
    return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/^-/, '').replace('.', '');
  const point = exponent + 1; // digits before the decimal point
  let fixed: string;
  if (point <= 0) fixed = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) fixed = `${digits}${'0'.repeat(point - digits.length)}.0`;
  else fixed = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return (negative ? '-' : '') + fixed;
}
