// The data a template is filled with: plain objects of display strings, numbers, flags, lists and images.
// Report models are built by the use cases; this module only says what a model may hold and what it offers.
import type { ImageValue } from './doc-tree';

export type ModelValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | ImageValue
  | readonly ModelValue[]
  | ModelObject;

export interface ModelObject {
  readonly [key: string]: ModelValue;
}

/** An image for `{{image:path}}`. Width and height in CSS pixels (96 per inch); the renderer may shrink it to fit the page. */
export function imageValue(
  bytes: Uint8Array,
  size: { width: number; height: number },
  contentType: ImageValue['contentType'] = 'image/png',
  alt?: string,
): ImageValue {
  return alt === undefined
    ? { $type: 'image', bytes, contentType, width: size.width, height: size.height }
    : { $type: 'image', bytes, contentType, width: size.width, height: size.height, alt };
}

export function isImage(value: unknown): value is ImageValue {
  return typeof value === 'object' && value !== null && (value as { $type?: unknown }).$type === 'image';
}

export function isList(value: unknown): value is readonly ModelValue[] {
  return Array.isArray(value);
}

export function isGroup(value: unknown): value is ModelObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isImage(value);
}

/** Mustache's falsiness, plus the empty list: what `{{#if}}` drops. */
export function isTruthy(value: ModelValue): boolean {
  if (Array.isArray(value)) return value.length > 0;
  return Boolean(value);
}

export type ModelPathKind = 'text' | 'number' | 'flag' | 'list' | 'group' | 'image' | 'empty';

/** One thing a model offers. `within` lists the loops it is reachable in (outermost first); `path` is relative to them. */
export interface ModelPath {
  path: string;
  kind: ModelPathKind;
  within: string[];
  /** The placeholder to type, ready for a help tab. */
  placeholder: string;
  /** A sample value (the first one met), for showing what the placeholder turns into. */
  example?: string;
}

function kindOf(value: ModelValue): ModelPathKind {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'flag';
  if (Array.isArray(value)) return 'list';
  if (isImage(value)) return 'image';
  return 'group';
}

function placeholderFor(path: string, kind: ModelPathKind): string {
  if (kind === 'list') return `{{#${path}}} … {{/${path}}}`;
  if (kind === 'flag') return `{{#if ${path}}} … {{/if}}`;
  if (kind === 'image') return `{{image:${path}}}`;
  return `{{${path}}}`;
}

/**
 * Every dotted path a model offers, in model order. A list's items are merged (a key any item has is listed once,
 * its kind taken from the first item that is not empty) and listed `within` the list, with `@index`.
 */
export function describeModel(model: ModelObject): ModelPath[] {
  const out: ModelPath[] = [];
  const seen = new Map<string, ModelPath>();

  const add = (path: string, value: ModelValue, within: string[]): void => {
    const key = `${within.join('/')}|${path}`;
    const kind = kindOf(value);
    const known = seen.get(key);
    if (known) {
      if (known.kind === 'empty' && kind !== 'empty') {
        known.kind = kind;
        known.placeholder = placeholderFor(path, kind);
      }
      if (known.example === undefined && (kind === 'text' || kind === 'number')) known.example = String(value);
      return;
    }
    const entry: ModelPath = { path, kind, within, placeholder: placeholderFor(path, kind) };
    if (kind === 'text' || kind === 'number') entry.example = String(value);
    seen.set(key, entry);
    out.push(entry);
  };

  const walkGroup = (group: ModelObject, prefix: string, within: string[]): void => {
    for (const [key, value] of Object.entries(group)) {
      const path = prefix ? `${prefix}.${key}` : key;
      add(path, value, within);
      if (Array.isArray(value)) {
        const inner = [...within, path];
        add('@index', 1, inner);
        for (const item of value as readonly ModelValue[]) {
          if (isGroup(item)) walkGroup(item, '', inner);
          else add('this', item, inner);
        }
      } else if (isGroup(value)) {
        walkGroup(value, path, within);
      }
    }
  };

  walkGroup(model, '', []);
  return out;
}
