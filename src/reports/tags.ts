// The placeholder syntax: how the text of one paragraph splits into literal text and `{{…}}` tags.
// Only template text is ever scanned; values are inserted after scanning and so are never read as tags.

export type Tag =
  | { kind: 'value'; path: string }
  | { kind: 'image'; path: string }
  /** `{{#if x}}` (negate false) or `{{#unless x}}` (negate true). */
  | { kind: 'if'; path: string; negate: boolean }
  | { kind: 'else' }
  | { kind: 'endif'; negate: boolean }
  | { kind: 'loop'; path: string }
  | { kind: 'endloop'; path: string }
  | { kind: 'malformed' };

export type Piece =
  | { type: 'text'; start: number; end: number }
  | { type: 'tag'; start: number; end: number; raw: string; tag: Tag };

export type TagPiece = Extract<Piece, { type: 'tag' }>;

// Letters of any script (Kazakh, Russian keys are fine), digits, `_` and `-`, joined by dots.
const SEGMENT = '[\\p{L}\\p{N}_-]+';
const PATH = new RegExp(`^(?:@index|this|\\.|${SEGMENT}(?:\\.${SEGMENT})*)$`, 'u');
// The inside of a tag holds no brace, so `{{{x}}}` is a literal `{`, the tag `{{x}}`, and a literal `}`.
const TAG = /\{\{([^{}]*)\}\}/g;
const STRAY = /\{\{|\}\}/g;

export function isPath(text: string): boolean {
  return PATH.test(text);
}

/** What the inside of `{{…}}` means. Spaces inside the braces are allowed: `{{ school.name }}`. */
export function parseTag(inner: string): Tag {
  const body = inner.trim();
  const pathTag = <T extends Tag>(path: string, make: (p: string) => T): Tag => (isPath(path) ? make(path) : { kind: 'malformed' });

  if (body.startsWith('#')) {
    const rest = body.slice(1).trim();
    const conditional = /^(if|unless)(?:\s+(.*))?$/u.exec(rest);
    if (conditional) {
      const negate = conditional[1] === 'unless';
      return pathTag((conditional[2] ?? '').trim(), (path) => ({ kind: 'if', path, negate }));
    }
    return pathTag(rest, (path) => ({ kind: 'loop', path }));
  }
  if (body.startsWith('/')) {
    const rest = body.slice(1).trim();
    if (rest === 'if' || rest === 'unless') return { kind: 'endif', negate: rest === 'unless' };
    return pathTag(rest, (path) => ({ kind: 'endloop', path }));
  }
  if (body === 'else') return { kind: 'else' };
  const image = /^image\s*:(.*)$/u.exec(body);
  if (image) return pathTag((image[1] ?? '').trim(), (path) => ({ kind: 'image', path }));
  return pathTag(body, (path) => ({ kind: 'value', path }));
}

/**
 * Splits a paragraph's text into pieces covering it end to end. A `{{` or `}}` that is not part of a whole tag
 * is a malformed piece: a half-typed placeholder must not slip into a finished document.
 */
export function scanText(text: string): Piece[] {
  const pieces: Piece[] = [];
  let cursor = 0;

  const literal = (start: number, end: number): void => {
    // Within literal text, look for braces that never closed.
    let from = start;
    STRAY.lastIndex = start;
    for (let m = STRAY.exec(text); m && m.index < end; m = STRAY.exec(text)) {
      if (m.index > from) pieces.push({ type: 'text', start: from, end: m.index });
      const stop = m[0] === '{{' ? Math.min(end, m.index + 2 + tailLength(text.slice(m.index + 2, end))) : m.index + 2;
      pieces.push({ type: 'tag', start: m.index, end: stop, raw: text.slice(m.index, stop), tag: { kind: 'malformed' } });
      from = stop;
      STRAY.lastIndex = stop;
    }
    if (end > from) pieces.push({ type: 'text', start: from, end });
  };

  TAG.lastIndex = 0;
  for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
    literal(cursor, m.index);
    const end = m.index + m[0].length;
    pieces.push({ type: 'tag', start: m.index, end, raw: m[0], tag: parseTag(m[1] ?? '') });
    cursor = end;
  }
  literal(cursor, text.length);
  return pieces;
}

// An unclosed `{{` swallows what looks like a name after it, so the error shows `{{school.nam`, not just `{{`.
function tailLength(after: string): number {
  const m = /^[^\s{}]*/u.exec(after);
  return m ? Math.min(m[0].length, 40) : 0;
}

/** The canonical spelling of a tag, for lists and messages. */
export function tagText(tag: Tag, raw = ''): string {
  switch (tag.kind) {
    case 'value': return `{{${tag.path}}}`;
    case 'image': return `{{image:${tag.path}}}`;
    case 'if': return `{{#${tag.negate ? 'unless' : 'if'} ${tag.path}}}`;
    case 'else': return '{{else}}';
    case 'endif': return `{{/${tag.negate ? 'unless' : 'if'}}}`;
    case 'loop': return `{{#${tag.path}}}`;
    case 'endloop': return `{{/${tag.path}}}`;
    case 'malformed': return raw;
  }
}
