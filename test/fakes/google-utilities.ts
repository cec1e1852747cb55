// Fakes of the small services the reports use: Blobs and Utilities (signed bytes, base64, dates in a time zone),
// PropertiesService (the document's properties, with Google's size limits) and the Charts service (a chart is
// recorded and rendered as a 1×1 PNG). Every call is counted.
import type {
  ChartsLike, GBarChartBuilder, GBlob, GDataTableBuilder, GProperties, PropertiesServiceLike, UtilitiesLike,
} from '../../src/apps-script/google-services';
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

  constructor(private readonly log: CallLog) {}

  service(): PropertiesServiceLike {
    return { getDocumentProperties: () => this.store() };
  }

  private size(): number {
    let n = 0;
    for (const [k, v] of this.values) n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
  }

  private store(): GProperties {
    const store: GProperties = {
      getProperties: () => {
        this.log.hit('Properties.getProperties');
        return Object.fromEntries(this.values);
      },
      getProperty: (key) => {
        this.log.hit('Properties.getProperty');
        return this.values.get(key) ?? null;
      },
      setProperties: (properties, deleteAllOthers) => {
        this.log.hit('Properties.setProperties');
        const before = new Map(this.values);
        if (deleteAllOthers) this.values.clear();
        for (const [k, v] of Object.entries(properties)) {
          if (typeof v !== 'string') throw new Error('Exception: (fake) property values are strings');
          if (Buffer.byteLength(v) > VALUE_LIMIT) throw new Error('Exception: Argument too large: value');
          this.values.set(k, v);
        }
        if (this.size() > STORE_LIMIT) {
          this.values.clear();
          for (const [k, v] of before) this.values.set(k, v);
          throw new Error('Exception: You have exceeded the property storage quota. Please remove some properties and try again.');
        }
        return store;
      },
      deleteProperty: (key) => {
        this.log.hit('Properties.deleteProperty');
        this.values.delete(key);
        return store;
      },
    };
    return store;
  }
}

/** A real 1×1 PNG: the pixels of a chart are not what the tests look at. */
export const PNG_DOT = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

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
              return new FakeBlob(signed(PNG_DOT), 'image/png', `${chart.title}.png`, log);
            },
          };
        },
      };
      return builder;
    },
  };
}
