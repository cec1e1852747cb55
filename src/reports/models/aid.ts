// The aid register's documents: the «Мектепке жол» campaign report (who got what, totals by kind, the sources'
// money) and the list of Resolution No. 64 payments (who, how much, the parent who receives it), both from the
// records the year counts (`qamqor aid`'s records), pupils named from the roll or the archive by IIN.
import { compareClassNames } from '../../domain/registry/class-name';
import { compareText } from '../../domain/collate';
import { AID, readAid, recordsOfYear, type AidRecord } from '../../domain/registers/aid';
import { aidDocWords } from '../../domain/registers/aid-words';
import { knownPupils, registerYear } from '../../domain/registers/read';
import type { Pupil } from '../../domain/registry/registry';
import { res64Eligible } from '../../domain/registry/res64';
import { count, dateText, schoolBlock, tenge, type ReportContext, type SchoolBlock } from './context';
import { noteNumber } from './notes';
import { capitalized } from './school';
import { res64Groups } from './words';

/** One help given, as a row of a document. */
export type AidLine = {
  n: string;
  full_name: string;
  class: string;
  date: string;
  kind: string;
  items: string;
  amount: string;
  source: string;
  basis: string;
};

export type AidTotalLine = { label: string; pupils: string; records: string; amount: string };

export type RoadModel = {
  school: SchoolBlock;
  road: {
    /** The campaign's days: «01.09.2025 – 30.09.2025». */
    period: string;
    applications: string;
    has_applications: boolean;
    records: AidLine[];
    has_records: boolean;
    kinds: AidTotalLine[];
    sources: { source: string; records: string; amount: string }[];
    has_sources: boolean;
    /** The amount given by sponsors (kind sponsor) within the campaign. */
    sponsor_money: string;
    has_sponsor: boolean;
    total: { pupils: string; records: string; amount: string };
  };
};

export type Res64PaymentsModel = {
  school: SchoolBlock;
  payments: {
    records: (AidLine & { iin: string; groups: string; representative: string })[];
    has_records: boolean;
    pupils: string;
    total: string;
    /** The Resolution No. 64 groups, for the note under the table. */
    groups: { group: string; name: string }[];
  };
};

interface Named {
  fullName: string;
  className: string;
  pupil: Pupil | null;
}

/** Who each IIN names: a pupil on the roll (with the class tab's guardian), else the archive (left or graduated). */
function namer(ctx: ReportContext): (iin: string) => Named {
  const onRoll = new Map<string, Pupil>();
  for (const p of ctx.registry.pupils) if (p.iin && !onRoll.has(p.iin)) onRoll.set(p.iin, p);
  let known: ReturnType<typeof knownPupils> | null = null;
  return (iin) => {
    const p = onRoll.get(iin);
    if (p) return { fullName: p.fullName, className: p.className, pupil: p };
    known ??= knownPupils(ctx.registry);
    const a = known.get(iin);
    return a ? { fullName: a.fullName, className: a.className ? `${a.className} (${aidDocWords.archived[ctx.lang]})` : aidDocWords.archived[ctx.lang], pupil: null } : { fullName: iin, className: '', pupil: null };
  };
}

function kindLabels(ctx: ReportContext): Map<string, string> {
  return new Map(readAid(ctx.registry).kinds.map((k) => [k.code, capitalized(k[ctx.lang])]));
}

/** Records in school order: class, name, then date. */
function inSchoolOrder(records: readonly AidRecord[], name: (iin: string) => Named): AidRecord[] {
  return [...records].sort((a, b) => {
    const x = name(a.iin!);
    const y = name(b.iin!);
    return compareClassNames(x.className, y.className) || compareText(x.fullName, y.fullName) || (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : a.row - b.row);
  });
}

function line(ctx: ReportContext, r: AidRecord, i: number, named: Named, labels: Map<string, string>): AidLine {
  return {
    n: String(i + 1),
    full_name: named.fullName,
    class: named.className,
    date: dateText(r.date),
    kind: labels.get(r.kind!) ?? r.kind!,
    items: r.items,
    amount: r.amount === null ? aidDocWords.noAmount[ctx.lang] : tenge(r.amount),
    source: r.source,
    basis: r.basis,
  };
}

function totals(records: readonly AidRecord[]): { pupils: number; records: number; amount: number } {
  return { pupils: new Set(records.map((r) => r.iin)).size, records: records.length, amount: records.reduce((n, r) => n + (r.amount ?? 0), 0) };
}

/** Kinds never part of the campaign, whatever their date: meals run all year. */
const NOT_CAMPAIGN = new Set<string>([AID.mealsFund, AID.mealsTenant]);

/**
 * The «Мектепке жол» campaign (seed 002: August–September): every school_road record of the year, and the other help
 * (meals aside) given by 30 September, when the campaign ends. Its sponsors' money is the amount of kind sponsor.
 */
export function roadModel(ctx: ReportContext): RoadModel {
  const year = ctx.registry.settings.schoolYear ?? null;
  const window = registerYear(year);
  const end = year ? `${year.start}-09-30` : '';
  const records = recordsOfYear(ctx.registry).filter((r) => r.kind === AID.road || (!NOT_CAMPAIGN.has(r.kind!) && r.date! <= end));
  const name = namer(ctx);
  const labels = kindLabels(ctx);
  const ordered = inSchoolOrder(records, name);
  const byKind = new Map<string, AidRecord[]>();
  for (const r of records) byKind.set(r.kind!, [...(byKind.get(r.kind!) ?? []), r]);
  const bySource = new Map<string, AidRecord[]>();
  for (const r of records) if (r.source) bySource.set(r.source, [...(bySource.get(r.source) ?? []), r]);
  const applications = noteNumber(ctx.notes, 'road_applications');
  const sponsor = totals(byKind.get(AID.sponsor) ?? []).amount;
  const all = totals(records);
  return {
    school: schoolBlock(ctx),
    road: {
      period: window ? `${dateText(window.from)} – ${dateText(end)}` : '',
      applications: applications === null ? '' : count(applications),
      has_applications: applications !== null,
      records: ordered.map((r, i) => line(ctx, r, i, name(r.iin!), labels)),
      has_records: records.length > 0,
      // In catalogue order, the kinds the campaign gave.
      kinds: readAid(ctx.registry)
        .kinds.filter((k) => byKind.has(k.code))
        .map((k) => {
          const t = totals(byKind.get(k.code)!);
          return { label: capitalized(k[ctx.lang]), pupils: count(t.pupils), records: count(t.records), amount: tenge(t.amount) };
        }),
      sources: [...bySource].map(([source, rs]) => ({ source, records: count(rs.length), amount: tenge(totals(rs).amount) })),
      has_sources: bySource.size > 0,
      sponsor_money: tenge(sponsor),
      has_sponsor: sponsor > 0,
      total: { pupils: count(all.pupils), records: count(all.records), amount: tenge(all.amount) },
    },
  };
}

/**
 * Resolution No. 64 payments: every fund_cash record of the year, with the pupil's groups under the resolution (none
 * when the registry does not ground it: the list shows it, to be checked) and the legal representative who receives
 * the money — since 2023 it is paid to the parent's account — from the class tab's guardian column.
 */
export function res64PaymentsModel(ctx: ReportContext): Res64PaymentsModel {
  const records = recordsOfYear(ctx.registry).filter((r) => r.kind === AID.fundCash);
  const name = namer(ctx);
  const labels = kindLabels(ctx);
  const groupsOf = new Map(res64Eligible(ctx.registry.pupils, ctx.registry.catalogue).map((e) => [e.pupil, e.groups]));
  const ordered = inSchoolOrder(records, name);
  const t = totals(records);
  return {
    school: schoolBlock(ctx),
    payments: {
      records: ordered.map((r, i) => {
        const named = name(r.iin!);
        const groups = named.pupil ? (groupsOf.get(named.pupil) ?? []) : [];
        return {
          ...line(ctx, r, i, named, labels),
          iin: r.iin!,
          groups: groups.length ? groups.join(', ') : aidDocWords.noAmount[ctx.lang],
          representative: named.pupil?.guardian || aidDocWords.noRepresentative[ctx.lang],
        };
      }),
      has_records: records.length > 0,
      pupils: count(t.pupils),
      total: tenge(t.amount),
      groups: ([1, 2, 3, 4, 5] as const).map((g) => ({ group: String(g), name: res64Groups[g][ctx.lang] })),
    },
  };
}
