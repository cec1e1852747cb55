// Fakes of the small services the reports use: Blobs and Utilities (signed bytes, base64, dates in a time zone),
// PropertiesService (the document's properties, with Google's size limits) and the Charts service (a chart is
// recorded and rendered as a blank PNG of its size). Every call is counted.
import type {
  ChartsLike, GBarChartBuilder, GBlob, GDataTableBuilder, GProperties, PropertiesServiceLike, UtilitiesLike,
} from '../../src/apps-script/google-services';
import { deflateSync } from 'node:zlib';
import { CallLog } from './call-log';

/** A Blob holding Java's signed bytes, as Apps Script hands them out. */
export class FakeBlob implements GBlob {
  constructor(
    readonly bytes: number[],
    readonly contentType: string,
    private name: string | null = null,
    private readonly log?: CallLog,
  ) {}

  getBytes(): number[] {
    this.log?.hit('Blob.getBytes');
    return [...this.bytes];
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getName(): string | null {
    return this.name;
  }

  setName(name: string): GBlob {
    this.name = name;
    return this;
  }

  /** The bytes as Node sees them (unsigned). */
  buffer(): Buffer {
    return Buffer.from(this.bytes.map((b) => b & 255));
  }
}

export const signed = (bytes: Uint8Array | Buffer): number[] => Array.from(bytes, (b) => (b > 127 ? b - 256 : b));

/** Fixed UTC offsets of the zones the tests use (Kazakhstan has kept UTC+5 all year since 2024). */
const ZONE_OFFSET_HOURS: Record<string, number> = { 'Asia/Almaty': 5, 'Asia/Aqtobe': 5, UTC: 0, 'Europe/Moscow': 3 };

export function fakeUtilities(log: CallLog): UtilitiesLike {
  return {
    newBlob: (data, contentType, name) => {
      log.hit('Utilities.newBlob');
      if (!Array.isArray(data) || data.some((b) => !Number.isInteger(b) || b < -128 || b > 127)) {
        throw new Error('Exception: The parameters (number[],String,String) don\'t match the method signature for Utilities.newBlob: bytes must be signed (-128…127).');
      }
      return new FakeBlob([...data], contentType ?? 'application/octet-stream', name ?? null, log);
    },
    base64Decode: (encoded) => {
      log.hit('Utilities.base64Decode');
      return signed(Buffer.from(encoded, 'base64'));
    },
    formatDate: (date, timeZone, format) => {
      log.hit('Utilities.formatDate');
      const offset = ZONE_OFFSET_HOURS[timeZone];
      if (offset === undefined) throw new Error(`Exception: (fake) unknown time zone ${timeZone}`);
      const d = new Date(date.getTime() + offset * 3_600_000);
      const pad = (n: number) => String(n).padStart(2, '0');
      const parts: Record<string, string> = {
        yyyy: String(d.getUTCFullYear()), MM: pad(d.getUTCMonth() + 1), dd: pad(d.getUTCDate()), HH: pad(d.getUTCHours()), mm: pad(d.getUTCMinutes()),
      };
      return format.replace(/yyyy|MM|dd|HH|mm/g, (m) => parts[m]!);
    },
  };
}

/** Google's limits on properties: 9 KB a value, 500 KB a store. */
const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

export class FakeProperties {
  readonly values = new Map<string, string>();
  /** Each user's own store (getUserProperties), by e-mail: one person's script run never sees another's. */
  readonly users = new Map<string, Map<string, string>>();
  /** Whose user properties a call opens: the person running the script (fakeGoogle ties it to the state's user). */
  user: () => string = () => 'owner@school.kz';

  constructor(private readonly log: CallLog) {}

  service(): PropertiesServiceLike & { getUserProperties(): GProperties } {
    return {
      getDocumentProperties: () => this.store(this.values),
      getUserProperties: () => {
        const user = this.user();
        if (!this.users.has(user)) this.users.set(user, new Map());
        return this.store(this.users.get(user)!);
      },
    };
  }

  private size(values: Map<string, string>): number {
    let n = 0;
    for (const [k, v] of values) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }

  private store(values: Map<string, string>): GProperties {
    const store: GProperties = {
      getProperties: () => {
        this.log.hit('Properties.getProperties');
        return Object.fromEntries(values);
      },
      getProperty: (key) => {
        this.log.hit('Properties.getProperty');
        return values.get(key) ?? null;
      },
      setProperties: (properties, deleteAllOthers) => {
        this.log.hit('Properties.setProperties');
        const before = new Map(values);
        if (deleteAllOthers) values.clear();
        for (const [k, v] of Object.entries(properties)) {
          if (typeof v !== 'string') throw new Error('Exception: (fake) property values are strings');
          if (Buffer.byteLength(v) > VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
          values.set(k, v);
        }
        if (this.size(values) > STORE_LIMIT) {
          values.clear();
          for (const [k, v] of before) values.set(k, v);
          throw new Error('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
        }
        return store;
      },
      deleteProperty: (key) => {
        this.log.hit('Properties.deleteProperty');
        values.delete(key);
        return store;
      },
    };
    return store;
  }
}

/** A real 1×1 PNG: the pixels of a chart are not what the tests look at. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let crc = 0xffffffff;
  for (const b of body) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}

/** A blank grey PNG of the given size: what the Charts service's picture of a chart drawn at that size measures. */
export function blankPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.alloc((width + 1) * height, 0xee);
  for (let y = 0; y < height; y++) rows[y * (width + 1)] = 0;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

export interface FakeChart {
  title: string;
  columns: string[];
  rows: (string | number)[][];
  colors: string[];
  stacked: boolean;
  width: number;
  height: number;
}

export function fakeCharts(log: CallLog, drawn: FakeChart[]): ChartsLike {
  return {
    ColumnType: { STRING: 'STRING', NUMBER: 'NUMBER' },
    Position: { BOTTOM: 'BOTTOM', NONE: 'NONE' },
    newDataTable: () => {
      log.hit('Charts.newDataTable');
      const columns: string[] = [];
      const rows: (string | number)[][] = [];
      const builder: GDataTableBuilder = {
        addColumn: (_type, label) => {
          log.hit('DataTableBuilder.addColumn');
          columns.push(label);
          return builder;
        },
        addRow: (values) => {
          log.hit('DataTableBuilder.addRow');
          if (values.length !== columns.length) throw new Error(`Exception: The row has ${values.length} values but the table has ${columns.length} columns.`);
          rows.push([...values]);
          return builder;
        },
        build: () => (log.hit('DataTableBuilder.build'), { columns, rows }),
      };
      return builder;
    },
    newBarChart: () => {
      log.hit('Charts.newBarChart');
      const chart: FakeChart = { title: '', columns: [], rows: [], colors: [], stacked: false, width: 600, height: 400 };
      const builder: GBarChartBuilder = {
        setDataTable: (t) => {
          log.hit('BarChartBuilder.setDataTable');
          const table = t as { columns: string[]; rows: (string | number)[][] };
          chart.columns = table.columns;
          chart.rows = table.rows;
          return builder;
        },
        setTitle: (title) => (log.hit('BarChartBuilder.setTitle'), (chart.title = title), builder),
        setColors: (colors) => (log.hit('BarChartBuilder.setColors'), (chart.colors = colors), builder),
        setDimensions: (w, h) => (log.hit('BarChartBuilder.setDimensions'), (chart.width = w), (chart.height = h), builder),
        setLegendPosition: () => (log.hit('BarChartBuilder.setLegendPosition'), builder),
        setStacked: () => (log.hit('BarChartBuilder.setStacked'), (chart.stacked = true), builder),
        build: () => {
          log.hit('BarChartBuilder.build');
          drawn.push(chart);
          return {
            getAs: (contentType: string) => {
              log.hit('Chart.getAs');
              if (contentType !== 'image/png') throw new Error(`Exception: (fake) charts render as image/png, not ${contentType}`);
              return new FakeBlob(signed(blankPng(chart.width, chart.height)), 'image/png', `${chart.title}.png`, log);
            },
          };
        },
      };
      return builder;
    },
  };
}
