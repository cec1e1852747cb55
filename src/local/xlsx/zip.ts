// The zip container of an .xlsx, read by its central directory and written back with every part that did not
// change copied as the compressed bytes it was: a save re-deflates only the sheets it touched.
import * as zlib from 'node:zlib';

/** One part of the archive, as the central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused when read. */
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** A part to write: either new bytes (deflated here) or an entry copied raw from the archive it was read from. */
export type ZipPart = { name: string; data: Uint8Array } | { name: string; copy: ZipEntry; from: ZipReader };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const UTF8_FLAG = 0x0800;

/** Why the archive cannot be read: a code the adapter says in the user's language, and the detail for a developer. */
export class ZipFormatError extends Error {
  constructor(
    readonly code: 'damaged' | 'too_large' | 'encrypted',
    detail: string,
  ) {
    super(detail);
  }
}

export class ZipReader {
  readonly entries = new Map<string, ZipEntry>();

  constructor(private readonly buf: Buffer) {
    const end = findEndOfCentralDirectory(buf);
    if (end < 0) throw new ZipFormatError('damaged', 'no central directory');
    if (end >= 20 && buf.readUInt32LE(end - 20) === ZIP64_EOCD_LOCATOR) throw new ZipFormatError('too_large', 'a ZIP64 archive');
    const count = buf.readUInt16LE(end + 10);
    let at = buf.readUInt32LE(end + 16);
    for (let i = 0; i < count; i++) {
      if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw new ZipFormatError('damaged', 'the central directory is damaged');
      const flags = buf.readUInt16LE(at + 8);
      const nameLength = buf.readUInt16LE(at + 28);
      const extraLength = buf.readUInt16LE(at + 30);
      const commentLength = buf.readUInt16LE(at + 32);
      const rawName = buf.subarray(at + 46, at + 46 + nameLength);
      const name = rawName.toString(flags & UTF8_FLAG ? 'utf8' : 'latin1');
      const entry: ZipEntry = {
        name,
        method: buf.readUInt16LE(at + 10),
        crc: buf.readUInt32LE(at + 16),
        compressedSize: buf.readUInt32LE(at + 20),
        size: buf.readUInt32LE(at + 24),
        localOffset: buf.readUInt32LE(at + 42),
      };
      if (flags & 1) throw new ZipFormatError('encrypted', 'an encrypted archive');
      // Part names are case-insensitive in OPC; the first one wins, as Excel does.
      if (!this.entries.has(name)) this.entries.set(name, entry);
      at += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The part's compressed bytes as stored. */
  raw(entry: ZipEntry): Buffer {
    const at = entry.localOffset;
    if (at + 30 > this.buf.length || this.buf.readUInt32LE(at) !== LOCAL) throw new ZipFormatError('damaged', `the part ${entry.name} is damaged`);
    const start = at + 30 + this.buf.readUInt16LE(at + 26) + this.buf.readUInt16LE(at + 28);
    if (start + entry.compressedSize > this.buf.length) throw new ZipFormatError('damaged', `the part ${entry.name} is cut short`);
    return this.buf.subarray(start, start + entry.compressedSize);
  }

  /** The part's bytes, inflated; null when the archive has no such part. */
  read(name: string): Buffer | null {
    const entry = this.entries.get(name);
    if (!entry) return null;
    const raw = this.raw(entry);
    if (entry.method === 0) return raw;
    if (entry.method !== 8) throw new ZipFormatError('damaged', `the part ${name} uses an unknown compression (${entry.method})`);
    try {
      return zlib.inflateRawSync(raw);
    } catch (e) {
      throw new ZipFormatError('damaged', `the part ${name} cannot be inflated: ${(e as Error).message}`);
    }
  }

  text(name: string): string | null {
    return this.read(name)?.toString('utf8') ?? null;
  }
}

/** The archive as a list of chunks (no copy of the unchanged parts is made in memory). */
export function writeZip(parts: readonly ZipPart[], level = 6): Buffer[] {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    let method: number, crc: number, size: number, body: Buffer;
    if ('copy' in part) {
      ({ method, crc, size } = part.copy);
      body = part.from.raw(part.copy);
    } else {
      const data = Buffer.from(part.data.buffer, part.data.byteOffset, part.data.byteLength);
      crc = crc32(data);
      size = data.length;
      const deflated = zlib.deflateRawSync(data, { level });
      [method, body] = deflated.length < size ? [8, deflated] : [0, data];
    }
    if (offset > 0xffffffff || body.length > 0xffffffff || size > 0xffffffff) throw new ZipFormatError('too_large', 'the workbook would exceed 4 GB');
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_FLAG, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(DOS_EPOCH, 10);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(CENTRAL, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(UTF8_FLAG, 8);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(DOS_EPOCH, 12);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, body);
    central.push(entry, name);
    offset += 30 + name.length + body.length;
  }
  if (parts.length > 0xffff) throw new ZipFormatError('too_large', 'the workbook would have more than 65,535 parts');
  const centralSize = central.reduce((s, b) => s + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return [...chunks, ...central, end];
}

/** 1980-01-01 00:00 in DOS time: a fixed stamp, so that the same workbook saves to the same bytes. */
const DOS_EPOCH = (1 << 21) | (1 << 16);

function findEndOfCentralDirectory(buf: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535.
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let at = buf.length - 22; at >= stop; at--) {
    if (buf.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

const nodeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array) => number }).crc32;
let table: Int32Array | undefined;

/** zlib's crc32 where Node has it (20.15+), else the classic table. */
export function crc32(data: Uint8Array): number {
  if (nodeCrc32) return nodeCrc32(data);
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
