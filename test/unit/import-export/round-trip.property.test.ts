/**
 * Property: the app's own export imports back losslessly, for every valid roadmap.
 *
 * Generated roadmaps use text full of what tables find hard — `; | , " ' \r \n \r\n <br> &#13; \`, leading
 * formula characters, emoji, RTL scripts, invisible characters inside text, titles that look like ids or keys —
 * plus duplicate phase names, duplicate initiative and goal titles, pinned horizons, epics with and without keys.
 * Every generated roadmap is checked against the model (zod schemas and the roadmap's limits) before use.
 *
 * A. export → parse(auto) → preview(merge) into the same roadmap: no creates, updates, moves, errors or warnings;
 *    applying it and exporting again gives the same bytes.
 * B. export → import into a scrambled copy (same initiatives and titles, every importable field changed, phases
 *    moved, epics reassigned): applying it restores every importable field, and exporting gives the same bytes.
 */
import fc from 'fast-check';
import { applyImportPlan } from '../../../src/domain/import-export/apply';
import { nameKey } from '../../../src/domain/import-export/columns';
import { exportRoadmap } from '../../../src/domain/import-export/export';
import { parseRoadmapTable } from '../../../src/domain/import-export/parse';
import { previewImport } from '../../../src/domain/import-export/preview';
import type { EpicKeyAnswer } from '../../../src/domain/import-export/types';
import { limitViolations } from '../../../src/domain/limits';
import {
  type BusinessGoal,
  HORIZONS,
  type Initiative,
  INITIATIVE_STATUSES,
  initiativeSchema,
  LIMITS,
  type Phase,
  requiredText,
  RICE_IMPACTS,
  type Roadmap,
  text,
  TRACKS,
} from '../../../src/domain/model';
import { emptyRoadmap } from '../../../src/domain/roadmap-ops';

const today = new Date('2026-04-15T09:00:00Z');
const actor = { accountId: 'acc-1', now: today };

const FRAGMENTS = [
  ';',
  '; ',
  ';;',
  '|',
  '\\|',
  ',',
  '"',
  '""',
  "'",
  '\r',
  '\n',
  '\r\n',
  '\n\n',
  '<br>',
  '<BR/>',
  '<br >',
  '&#13;',
  '&amp;',
  '\\',
  '\\\\',
  '\\;',
  '\t',
  ' ',
  '=',
  '-',
  '+',
  '@',
  '*',
  '`',
  '#',
  '---',
  ':---:',
  '😀',
  '👩‍💻',
  '🇩🇪',
  'مرحبا بالعالم',
  'שלום',
  '\u200B',
  '\uFEFF',
  '\u00A0',
  'é',
  'I-1',
  'I-2',
  'G-1',
  'TR-1',
  '20001',
  '(pinned)',
  'Now',
  'Later (pinned)',
  'a',
  'B',
  'x y',
  '0',
];
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const piece = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) });

/** Text the model accepts as it is: trimmed, no control characters, well-formed; `required` also not blank. */
function textArb(max: number, required: boolean): fc.Arbitrary<string> {
  const schema = required ? requiredText(max) : text(max);
  return fc
    .array(piece, { minLength: required ? 1 : 0, maxLength: 7 })
    .map((parts) => parts.join('').replace(CONTROL, '').trim().slice(0, max).trim())
    .filter((s) => {
      const parsed = schema.safeParse(s);
      return parsed.success && parsed.data === s;
    });
}

const QUARTERS = [2025, 2026, 2027, 2028].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
const ACCOUNTS = ['5b10a2844c20165700ede21g', '557058:aaaa-admin', '-lead', '@x'.slice(1)];
const EPIC_POOL = Array.from({ length: 12 }, (_, i) => String(20001 + i));

/** Picks from a pool, sometimes repeating an earlier pick (duplicate names are valid and must survive too). */
const withDuplicates = (n: number, arb: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(arb, { minLength: n, maxLength: n }), fc.array(fc.nat({ max: 3 }), { minLength: n, maxLength: n }))
    .map(([names, dups]) => names.map((name, i) => (i > 0 && dups[i] === 0 ? names[dups[i - 1] % i] : name)));

interface Fields {
  phaseIndex: number;
  goal: string;
  metric: string;
  targetQuarter: string;
  horizonPin: Initiative['horizonPin'];
  status: Initiative['status'];
  track: Initiative['track'];
  ownerAccountId: string | null;
  effort: number | null;
  goals: number[];
  deps: number[];
}

const fieldsArb = (phaseCount: number, goalCount: number, initiativeCount: number): fc.Arbitrary<Fields> =>
  fc.record({
    phaseIndex: fc.nat({ max: phaseCount - 1 }),
    goal: textArb(1000, false),
    metric: textArb(500, true),
    targetQuarter: fc.constantFrom(...QUARTERS),
    horizonPin: fc.option(fc.constantFrom(...HORIZONS)),
    status: fc.constantFrom(...INITIATIVE_STATUSES),
    track: fc.constantFrom(...TRACKS),
    ownerAccountId: fc.option(fc.constantFrom(...ACCOUNTS)),
    effort: fc.option(fc.oneof(fc.integer({ min: 0, max: 10000 }), fc.double({ min: 0, max: 10000, noNaN: true, noDefaultInfinity: true }))),
    goals: goalCount === 0 ? fc.constant([]) : fc.uniqueArray(fc.nat({ max: goalCount - 1 }), { maxLength: goalCount }),
    deps:
      initiativeCount < 2
        ? fc.constant([])
        : fc.uniqueArray(fc.nat({ max: initiativeCount - 1 }), { maxLength: Math.min(initiativeCount, LIMITS.dependsOnPerInitiative) }),
  });

/** Which initiative holds each epic of the pool (-1: none): one initiative per epic per roadmap. */
const epicHoldersArb = (initiativeCount: number) =>
  fc.array(fc.integer({ min: -1, max: initiativeCount - 1 }), { minLength: EPIC_POOL.length, maxLength: EPIC_POOL.length });

function initiativeOf(
  index: number,
  id: string,
  title: string,
  fields: Fields,
  phases: Phase[],
  goals: BusinessGoal[],
  ids: string[],
  epicIds: string[],
  rice: Initiative['rice'],
): Initiative {
  return initiativeSchema.parse({
    id,
    title,
    phaseId: phases[fields.phaseIndex].id,
    goal: fields.goal,
    successMetric: { description: fields.metric },
    targetQuarter: fields.targetQuarter,
    horizonPin: fields.horizonPin,
    status: fields.status,
    track: fields.track,
    ownerAccountId: fields.ownerAccountId,
    effort: fields.effort,
    rice,
    businessGoalIds: fields.goals.map((g) => goals[g].id),
    dependsOn: fields.deps.filter((d) => d !== index).map((d) => ids[d]),
    epicIds,
    revision: 1,
    createdAt: today.toISOString(),
    updatedAt: today.toISOString(),
  });
}

const epicsOf = (holders: number[], index: number) => EPIC_POOL.filter((_, e) => holders[e] === index).slice(0, LIMITS.epicsPerInitiative);

interface Generated {
  roadmap: Roadmap;
  scrambled: Roadmap;
  epicKeys: Map<string, string>;
}

const generated: fc.Arbitrary<Generated> = fc
  .record({
    phaseCount: fc.integer({ min: 1, max: 4 }),
    goalCount: fc.integer({ min: 0, max: LIMITS.businessGoals }),
    initiativeCount: fc.integer({ min: 0, max: 8 }),
  })
  .chain(({ phaseCount, goalCount, initiativeCount }) =>
    fc.record({
      phaseNames: withDuplicates(phaseCount, textArb(100, true)),
      phaseOrders: fc.array(fc.nat({ max: 5 }), { minLength: phaseCount, maxLength: phaseCount }),
      goalTitles: withDuplicates(goalCount, textArb(200, true)),
      titles: withDuplicates(initiativeCount, textArb(200, true)),
      fields: fc.array(fieldsArb(phaseCount, goalCount, initiativeCount), { minLength: initiativeCount, maxLength: initiativeCount }),
      scrambledFields: fc.array(fieldsArb(phaseCount, goalCount, initiativeCount), { minLength: initiativeCount, maxLength: initiativeCount }),
      rice: fc.array(
        fc.option(
          fc.record({
            reach: fc.integer({ min: 0, max: 1e9 }),
            impact: fc.constantFrom(...RICE_IMPACTS),
            confidence: fc.integer({ min: 0, max: 100 }),
            effort: fc.double({ min: 0.1, max: 1e6, noNaN: true }),
          }),
        ),
        { minLength: initiativeCount, maxLength: initiativeCount },
      ),
      holders: epicHoldersArb(Math.max(initiativeCount, 1)),
      scrambledHolders: epicHoldersArb(Math.max(initiativeCount, 1)),
      keyed: fc.array(fc.boolean(), { minLength: EPIC_POOL.length, maxLength: EPIC_POOL.length }),
      nowQuarters: fc.integer({ min: 1, max: 4 }),
      nextQuarters: fc.integer({ min: 1, max: 8 }),
    }),
  )
  .map((g): Generated => {
    const base = emptyRoadmap('10001', 'Generated roadmap', today);
    const phases: Phase[] = g.phaseNames.map((name, i) => ({
      id: `P-${i + 1}`,
      name,
      theme: '',
      order: g.phaseOrders[i],
      startQuarter: '2026-Q1',
      endQuarter: '2026-Q4',
      description: '',
    }));
    const goals: BusinessGoal[] = g.goalTitles.map((title, i) => ({ id: `G-${i + 1}`, title, metric: '' }));
    const ids = g.titles.map((_, i) => `I-${i + 1}`);
    const meta = {
      ...base.meta,
      phases,
      businessGoals: goals,
      horizonRules: { nowQuarters: g.nowQuarters, nextQuarters: g.nextQuarters },
      nextPhaseSeq: phases.length + 1,
      nextGoalSeq: goals.length + 1,
      nextInitiativeSeq: ids.length + 1,
      revision: 7,
    };
    const roadmap: Roadmap = {
      meta,
      debtItems: [],
      initiatives: g.titles.map((title, i) => initiativeOf(i, ids[i], title, g.fields[i], phases, goals, ids, epicsOf(g.holders, i), g.rice[i])),
    };
    // The scrambled copy: same initiatives and titles; every importable field changed; moved to another phase only
    // when the table can name its own phase unambiguously (a Phase cell cannot tell two same-named phases apart: a
    // row keeps its initiative's phase while the name matches, and otherwise goes to the first phase of that name).
    const nameCount = (name: string) => phases.filter((p) => nameKey(p.name) === nameKey(name)).length;
    const scrambled: Roadmap = {
      meta,
      debtItems: [],
      initiatives: roadmap.initiatives.map((initiative, i) => {
        const fields = g.scrambledFields[i];
        const own = phases.find((p) => p.id === initiative.phaseId)!;
        const movable = nameCount(own.name) === 1;
        const phaseIndex = movable ? fields.phaseIndex : phases.indexOf(own);
        return {
          ...initiativeOf(i, initiative.id, initiative.title, { ...fields, phaseIndex }, phases, goals, ids, epicsOf(g.scrambledHolders, i), initiative.rice),
          successMetric: { ...initiative.successMetric, description: fields.metric },
        };
      }),
    };
    const epicKeys = new Map(EPIC_POOL.flatMap((id, e) => (g.keyed[e] ? [[id, `TR-${e + 1}`] as const] : [])));
    return { roadmap, scrambled, epicKeys };
  });

/** What Jira answers the importer for each key (every generated key is a visible epic). */
const answersFor = (epicKeys: Map<string, string>) => new Map<string, EpicKeyAnswer>([...epicKeys].map(([id, key]) => [key, { id, issueType: 'Epic' }]));

/** The fields an import sets, per initiative. */
const importable = (roadmap: Roadmap) =>
  roadmap.initiatives
    .map((i) => ({
      id: i.id,
      title: i.title,
      phaseId: i.phaseId,
      goal: i.goal,
      metric: i.successMetric.description,
      targetQuarter: i.targetQuarter,
      horizonPin: i.horizonPin,
      status: i.status,
      track: i.track,
      ownerAccountId: i.ownerAccountId,
      effort: i.effort === null ? null : i.effort + 0, // -0 and 0 are one table value
      businessGoalIds: i.businessGoalIds,
      dependsOn: i.dependsOn,
      epicIds: i.epicIds,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));

const FORMATS = ['csv', 'markdown'] as const;
const RUNS = Number(process.env.ROUND_TRIP_RUNS ?? 300);

describe('export → import → export round trip (property)', () => {
  it('generates only valid roadmaps', () => {
    fc.assert(
      fc.property(generated, ({ roadmap, scrambled }) => {
        expect(limitViolations(roadmap)).toEqual([]);
        expect(limitViolations(scrambled)).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });

  it.each(FORMATS)('%s: re-importing into the same roadmap proposes nothing and exports the same bytes', (format) => {
    fc.assert(
      fc.property(generated, ({ roadmap, epicKeys }) => {
        const first = exportRoadmap(roadmap, format, today, { epicKeys });
        const parsed = parseRoadmapTable(first, 'auto');
        expect(parsed.format).toBe(format);
        const plan = previewImport(roadmap, parsed, { mode: 'merge', today, epicKeys: answersFor(epicKeys) });
        expect(plan.errors).toEqual([]);
        expect(plan.counts).toMatchObject({ phasesToCreate: 0, toCreate: 0, toUpdate: 0, toMove: 0, unchanged: roadmap.initiatives.length, toRemove: 0 });
        expect(previewImport(roadmap, parsed, { mode: 'replace', today, epicKeys: answersFor(epicKeys) }).counts).toMatchObject({
          toCreate: 0,
          toUpdate: 0,
          toRemove: 0,
          errors: 0,
        });
        const { roadmap: after } = applyImportPlan(roadmap, plan, actor);
        expect(exportRoadmap(after, format, today, { epicKeys })).toBe(first);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(FORMATS)('%s: importing into a scrambled copy restores every importable field and exports the same bytes', (format) => {
    fc.assert(
      fc.property(generated, ({ roadmap, scrambled, epicKeys }) => {
        const first = exportRoadmap(roadmap, format, today, { epicKeys });
        // The scrambled copy changes owners back: Jira, asked as the importer, knows every generated account.
        const plan = previewImport(scrambled, parseRoadmapTable(first, 'auto'), {
          mode: 'merge',
          today,
          epicKeys: answersFor(epicKeys),
          owners: new Set(ACCOUNTS),
        });
        expect(plan.errors).toEqual([]);
        expect(plan.counts).toMatchObject({ phasesToCreate: 0, toCreate: 0 });
        const { roadmap: after, change } = applyImportPlan(scrambled, plan, actor, 'Re-planned from the spreadsheet');
        expect(importable(after)).toEqual(importable(roadmap));
        expect(exportRoadmap(after, format, today, { epicKeys })).toBe(first);
        expect(change.reason).toBe('Re-planned from the spreadsheet');
      }),
      { numRuns: RUNS },
    );
  });
});
