// Google's partial responses, as the fakes give them: the `fields` parameter parsed (paths with `/` or `.`,
// sub-selections in parentheses, `*`), checked against the API's schema, and applied to a response; and the
// JSON the REST APIs write, which leaves out fields at their default (0, false, "", empty lists).
import { fieldAt, type Schema } from './google-schema';

/** A selection: `true` takes the whole field, a map takes only the listed sub-fields. */
export type Mask = true | Map<string, Mask>;

/** Parses a `fields` parameter; an unknown name is refused as Google refuses it. */
export function parseFields(fields: string, schema: Schema, root: string, refuse: (message: string) => Error): Map<string, Mask> {
  let i = 0;
  const text = fields.replace(/\s+/g, '');
  const name = (): string => {
    const m = /^[A-Za-z0-9_*]+/.exec(text.slice(i));
    if (!m) throw refuse(`Invalid field selection ${text.slice(i) || fields}`);
    i += m[0].length;
    return m[0];
  };
  const selection = (): Map<string, Mask> => {
    const out = new Map<string, Mask>();
    for (;;) {
      const path = [name()];
      while (text[i] === '/' || text[i] === '.') {
        i++;
        path.push(name());
      }
      let sub: Mask = true;
      if (text[i] === '(') {
        i++;
        sub = selection();
        if (text[i] !== ')') throw refuse(`Invalid field selection ${fields}`);
        i++;
      }
      insert(out, path, sub);
      if (text[i] !== ',') return out;
      i++;
    }
  };
  const mask = selection();
  if (i !== text.length) throw refuse(`Invalid field selection ${fields}`);
  check(mask, schema, root, refuse);
  return mask;
}

function insert(into: Map<string, Mask>, path: readonly string[], sub: Mask): void {
  const [head, ...rest] = path;
  const leaf: Mask = rest.length === 0 ? sub : (() => {
    const m = new Map<string, Mask>();
    insert(m, rest, sub);
    return m;
  })();
  into.set(head!, merge(into.get(head!), leaf));
}

function merge(a: Mask | undefined, b: Mask): Mask {
  if (a === undefined) return b;
  if (a === true || b === true) return true;
  const out = new Map(a);
  for (const [k, v] of b) out.set(k, merge(out.get(k), v));
  return out;
}

function check(mask: Map<string, Mask>, schema: Schema, message: string, refuse: (message: string) => Error): void {
  for (const [name, sub] of mask) {
    if (name === '*') continue;
    const type = fieldAt(schema, message, [name]);
    if (!type) throw refuse(`Invalid field selection ${name}`);
    if (sub === true || type.kind === 'any') continue;
    if (type.kind !== 'message') throw refuse(`Invalid field selection ${name}`);
    check(sub, schema, type.message!, refuse);
  }
}

/** The sub-selection of a path: `true` when an ancestor takes everything, undefined when nothing of it is asked. */
export function maskAt(mask: Mask | undefined, path: readonly string[]): Mask | undefined {
  let m: Mask | undefined = mask;
  for (const name of path) {
    if (m === undefined || m === true) return m;
    m = m.get(name) ?? m.get('*');
  }
  return m;
}

/**
 * The response cut down to the selection. A message left with nothing is dropped, as partial responses drop it;
 * an element of a list stays, as `{}`, where it holds a place (a row, a cell).
 */
export function applyMask(value: unknown, mask: Mask): unknown {
  if (mask === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => applyMask(v, mask));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const sub = mask.get(k) ?? mask.get('*');
    if (sub === undefined || v === undefined) continue;
    const kept = applyMask(v, sub);
    if (sub !== true && isEmptyObject(kept)) continue;
    out[k] = kept;
  }
  return out;
}

function isEmptyObject(v: unknown): boolean {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0;
}

/** Fields the APIs write even at their default: a oneof's member, a sheet's id and index. */
const KEEP_DEFAULT = new Set(['SheetProperties.sheetId', 'SheetProperties.index']);
const ONEOF = new Set(['ExtendedValue', 'ErrorValue']);

/**
 * A message as the REST API's JSON writes it: scalars at their default (0, false, "") and empty lists left out, a
 * message that is set written even when empty. Unknown fields (the fake's own) are dropped.
 */
export function compact(value: unknown, schema: Schema, message: string): unknown {
  const fields = schema.get(message);
  if (!fields || value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    const type = fields.get(k);
    if (!type || v === undefined || v === null) continue;
    if (type.repeated) {
      if (!Array.isArray(v) || v.length === 0) continue;
      out[k] = type.kind === 'message' ? v.map((e) => compact(e, schema, type.message!)) : v;
    } else if (type.kind === 'message') out[k] = compact(v, schema, type.message!);
    else if (type.kind === 'any') out[k] = v;
    else if (!ONEOF.has(message) && !KEEP_DEFAULT.has(`${message}.${k}`) && (v === 0 || v === false || v === '')) continue;
    else out[k] = v;
  }
  return out;
}
