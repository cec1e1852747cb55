// The floor beside each measured read: what any reader of the same .xlsx must at least do. `node bench/floor.cjs
// BOOK sax` inflates every worksheet and the shared strings with zlib and runs them through saxes, the SAX parser
// exceljs uses (a conforming XML parse, no cell model); `inflate` only inflates them.
const { readFileSync } = require('node:fs');
const zlib = require('node:zlib');

const [book, mode = 'sax'] = process.argv.slice(2);
const buf = readFileSync(book);
// The central directory: every part's name, method and where its data starts.
let end = buf.length - 22;
while (buf.readUInt32LE(end) !== 0x06054b50) end--;
let at = buf.readUInt32LE(end + 16);
const count = buf.readUInt16LE(end + 10);
let elements = 0;
let bytes = 0;
for (let i = 0; i < count; i++) {
  const method = buf.readUInt16LE(at + 10);
  const size = buf.readUInt32LE(at + 20);
  const nameLength = buf.readUInt16LE(at + 28);
  const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
  const local = buf.readUInt32LE(at + 42);
  at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  if (!/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name)) continue;
  const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
  const raw = buf.subarray(start, start + size);
  const xml = method === 8 ? zlib.inflateRawSync(raw) : raw;
  bytes += xml.length;
  if (mode !== 'sax') continue;
  const { SaxesParser } = require('saxes');
  const parser = new SaxesParser();
  parser.on('opentag', () => elements++);
  parser.write(xml.toString('utf8')).close();
}
process.stdout.write(JSON.stringify({ bytes, elements }) + '\n');
