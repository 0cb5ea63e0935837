import { type Role } from '@app/shared';
import { ROLES } from './catalogue';
import { eventsHandledIn } from './decide';
import type { WorkflowDefinition } from './definition';
import { deadlinesOf, describeWorkflow, isXStateEvent, mermaidStateId, stateMeta, toMermaid } from './describe';
import { ALL_WORKFLOWS } from './index';
import { activeStateIds, stateConfigurations, stateLabel, stateNodeById, stateValueFromString } from './state-value';
import { nestedExample, parallelExample } from './testing/nested-fixtures';

const CJK = /[\u4e00-\u9fff]/;
const KNOWN_ROLES: readonly Role[] = [...ROLES, 'SYSTEM'];
// The channels, and two small machines with nested and parallel states held to the same rules.
const byId = [...ALL_WORKFLOWS, nestedExample, parallelExample].map((def) => [def.id, def] as const);
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** Some plausible context of the workflow, only used to ask which events a state handles. */
const contextOf = (def: WorkflowDefinition) => def.initialContext({ partyIds: ['p1', 'p2'], openedOn: '2025-03-01' });

describe('describeWorkflow()', () => {
  it('covers the people mediation and judicial confirmation workflows', () => {
    expect(sorted(ALL_WORKFLOWS.map((d) => d.id))).toEqual(expect.arrayContaining(['jc', 'pm']));
  });

  describe.each(byId)('%s', (_id, def) => {
    const d = describeWorkflow(def);
    const stateIds = d.states.map((s) => s.id);
    const transitionsFrom = (state: string) => d.transitions.filter((t) => t.from === state);
    // What a case can be persisted in, and the events each handles: those of its active states and their ancestors.
    const configurations = stateConfigurations(def.machine);
    const handledIn = (configuration: string) => new Set(activeStateIds(def, configuration).flatMap((id) => transitionsFrom(id).map((t) => t.event)));
    const whileActive = (ids: string[]) => configurations.filter((c) => activeStateIds(def, c).some((id) => ids.includes(id)));

    it('carries the workflow identity, a Chinese title and its statute', () => {
      expect(d).toMatchObject({ id: def.id, version: def.version, title: expect.stringMatching(CJK), legalBasis: expect.stringMatching(CJK) });
      expect(d.titleEn).not.toBe('');
    });

    it('returns every state of the machine, each with a Chinese and an English label', () => {
      expect(sorted(d.states.filter((s) => s.parent === null).map((s) => s.id))).toEqual(sorted(Object.keys(def.machine.states)));
      for (const s of d.states) {
        const children = d.states.filter((c) => c.parent === s.id).map((c) => c.id);
        expect({ id: s.id, children: sorted(children) }).toEqual({ id: s.id, children: sorted(Object.keys(stateNodeById(def.machine, s.id)!.states).map((k) => `${s.id}.${k}`)) });
        expect({ id: s.id, type: s.type }).toEqual({ id: s.id, type: children.length === 0 ? expect.stringMatching(/^(atomic|final)$/) : expect.stringMatching(/^(compound|parallel)$/) });
        expect({ id: s.id, label: s.label }).toEqual({ id: s.id, label: expect.stringMatching(CJK) });
        expect({ id: s.id, labelEn: s.labelEn }).toEqual({ id: s.id, labelEn: expect.stringMatching(/^[A-Z]/) });
      }
      // Labels may repeat under different parents; with their parents' they name one state.
      expect(new Set(stateIds.map((id) => stateLabel(def, id))).size).toBe(d.states.length);
    });

    it('marks exactly one initial state, the machine’s, and it is not final', () => {
      expect(d.states.filter((s) => s.initial && s.parent === null).map((s) => s.id)).toEqual([d.initial]);
      expect(d.initial).toBe(def.machine.config.initial);
      expect(d.states.find((s) => s.initial)!.final).toBe(false);
    });

    it('marks one initial child in every compound state and none in a parallel state', () => {
      for (const s of d.states.filter((x) => x.type === 'compound' || x.type === 'parallel')) {
        const initial = d.states.filter((c) => c.parent === s.id && c.initial).length;
        expect({ state: s.id, initial }).toEqual({ state: s.id, initial: s.type === 'compound' ? 1 : 0 });
      }
    });

    it('returns every event with a Chinese label and at least one known role', () => {
      expect(d.events.length).toBeGreaterThan(0);
      for (const e of d.events) {
        expect({ type: e.type, label: e.label }).toEqual({ type: e.type, label: expect.stringMatching(CJK) });
        expect({ type: e.type, labelEn: e.labelEn }).toEqual({ type: e.type, labelEn: expect.stringMatching(/\w/) });
        expect({ type: e.type, roles: e.roles.length > 0 }).toEqual({ type: e.type, roles: true });
        expect({ type: e.type, unknownRoles: e.roles.filter((r) => !KNOWN_ROLES.includes(r)) }).toEqual({ type: e.type, unknownRoles: [] });
        expect(e.system).toBe(e.roles.includes('SYSTEM'));
      }
    });

    it('has an EventSpec for every event the machine uses, and no orphan spec', () => {
      const used = new Set(d.transitions.map((t) => t.event).filter((e) => !isXStateEvent(e)));
      expect(sorted(used)).toEqual(sorted(Object.keys(def.events)));
    });

    it('lets decide() accept every event describe() lists for a state', () => {
      // A transition with neither a target nor an action is a forbidden transition in XState: it would be described
      // here yet refused as NOT_IN_STATE by decide().
      for (const c of configurations) {
        const handled = eventsHandledIn(def, { value: c, context: contextOf(def) });
        expect({ state: c, handled: sorted(handled) }).toEqual({ state: c, handled: sorted([...handledIn(c)].filter((e) => !isXStateEvent(e))) });
      }
    });

    it('lists as event preconditions exactly the guards the machine uses, and every precondition is used', () => {
      for (const [type, spec] of Object.entries(def.events)) {
        const guards = new Set(d.transitions.filter((t) => t.event === type).flatMap((t) => t.guards));
        expect({ type, preconditions: sorted(spec.preconditions ?? []) }).toEqual({ type, preconditions: sorted(guards) });
      }
      const used = new Set(Object.values(def.events).flatMap((e) => e.preconditions ?? []));
      expect(sorted(Object.keys(def.preconditions))).toEqual(sorted(used));
    });

    it('explains every precondition in Chinese and English', () => {
      for (const e of d.events) {
        for (const p of e.preconditionTexts) {
          expect(p).toEqual({ name: p.name, message: expect.stringMatching(CJK), messageEn: expect.stringMatching(/\w/), legalBasis: p.legalBasis });
          if (p.legalBasis !== undefined) expect(p.legalBasis).toMatch(/第.+条/);
        }
      }
    });

    it('gives final states no transitions, and lets a case leave every other configuration', () => {
      for (const s of d.states.filter((x) => x.final)) expect({ state: s.id, transitions: transitionsFrom(s.id) }).toEqual({ state: s.id, transitions: [] });
      for (const c of configurations.filter((x) => def.machine.resolveState({ value: stateValueFromString(x), context: {} }).status !== 'done')) {
        expect({ state: c, handles: handledIn(c).size > 0 }).toEqual({ state: c, handles: true });
      }
    });

    it('targets only states that exist', () => {
      for (const t of d.transitions) for (const target of t.targets) expect(stateIds).toContain(target);
    });

    describe('deadlines', () => {
      const declared = d.states.flatMap((s) => s.deadlines.map((dl) => ({ state: s.id, deadline: dl })));

      it('are declared on some states', () => {
        expect(declared.length).toBeGreaterThan(0);
        for (const { state, deadline } of declared) expect(deadlinesOf(def, state)).toContain(deadline);
      });

      it('each declare a legal basis, a day type and a period', () => {
        for (const { state, deadline } of declared) {
          const at = `${state}/${deadline.id}`;
          expect({ at, legalBasis: deadline.legalBasis }).toEqual({ at, legalBasis: expect.stringMatching(/第.+条/) });
          expect({ at, dayType: deadline.dayType }).toEqual({ at, dayType: expect.stringMatching(/^(calendar|working)$/) });
          expect({ at, unit: deadline.period.unit }).toEqual({ at, unit: expect.stringMatching(/^(day|month|year)$/) });
          expect({ at, amount: Number.isInteger(deadline.period.amount) && deadline.period.amount >= 0 }).toEqual({ at, amount: true });
          expect({ at, label: deadline.label }).toEqual({ at, label: expect.stringMatching(CJK) });
          expect({ at, confidence: deadline.confidence }).toEqual({ at, confidence: expect.stringMatching(/^[VSU]$/) });
        }
      });

      it('with a zero period are anchored on a date the case records', () => {
        for (const { state, deadline } of declared.filter((x) => x.deadline.period.amount === 0)) {
          expect({ at: `${state}/${deadline.id}`, anchor: deadline.anchor?.contextDate }).toEqual({ at: `${state}/${deadline.id}`, anchor: expect.any(String) });
        }
      });

      it('make unverified periods configurable', () => {
        for (const { state, deadline } of declared.filter((x) => x.deadline.confidence === 'U')) {
          expect({ at: `${state}/${deadline.id}`, configKey: deadline.configKey }).toEqual({ at: `${state}/${deadline.id}`, configKey: expect.stringMatching(/^\w+\.\w+/) });
        }
      });

      it('fire, on expiry, a SYSTEM event that the state handles', () => {
        for (const { state, deadline } of declared.filter((x) => x.deadline.onExpiry)) {
          const type = deadline.onExpiry!;
          expect({ at: `${state}/${deadline.id}`, roles: def.events[type]?.roles }).toEqual({ at: `${state}/${deadline.id}`, roles: ['SYSTEM'] });
          // Whichever descendant of a compound state is active when it falls due.
          for (const c of whileActive([state])) expect({ at: `${state}/${deadline.id}`, in: c, handled: handledIn(c).has(type) }).toEqual({ at: `${state}/${deadline.id}`, in: c, handled: true });
        }
      });

      it('run through states that exist', () => {
        for (const { state, deadline } of declared.filter((x) => x.deadline.runsThrough)) {
          expect({ at: `${state}/${deadline.id}`, unknown: deadline.runsThrough!.filter((s) => !stateIds.includes(s)) }).toEqual({ at: `${state}/${deadline.id}`, unknown: [] });
        }
      });

      it('are met only by events the states they run through handle', () => {
        for (const { state, deadline } of declared.filter((x) => x.deadline.metBy)) {
          const handled = whileActive([state, ...(deadline.runsThrough ?? [])]).flatMap((c) => [...handledIn(c)]);
          expect({ at: `${state}/${deadline.id}`, unknown: deadline.metBy!.filter((e) => !handled.includes(e)) }).toEqual({ at: `${state}/${deadline.id}`, unknown: [] });
        }
      });

      it('have an id that is unique within their state', () => {
        for (const s of d.states) expect(new Set(s.deadlines.map((x) => x.id)).size).toBe(s.deadlines.length);
      });
    });

    describe('Mermaid diagram', () => {
      const lines = d.mermaid.split('\n');

      it('starts with stateDiagram-v2', () => {
        expect(lines[0]).toBe('stateDiagram-v2');
      });

      const m = mermaidStateId;
      const label = (event: string) => def.events[event]?.label ?? (event === '' ? '（自动）' : '（完成）');
      const edgesOf = (t: (typeof d.transitions)[number]) => (t.targets.length ? t.targets : [t.from]).map((to) => `${m(t.from)} --> ${m(to)} : ${label(t.event)}`);
      const composites = d.states.filter((s) => s.type === 'compound' || s.type === 'parallel');

      it('declares each state once, with its Chinese label, a compound or parallel one as a composite state', () => {
        const declarations = lines.filter((l) => /^\s*state "/.test(l));
        expect(declarations).toHaveLength(d.states.length);
        for (const s of d.states) {
          const declaration = `state "${s.label}" as ${m(s.id)}${composites.includes(s) ? ' {' : ''}`;
          expect(declarations.filter((l) => l.trim() === declaration)).toHaveLength(1);
        }
      });

      it('draws an edge for each transition, labelled with the event’s Chinese name', () => {
        const edges = new Set(lines.map((l) => l.trim()).filter((l) => / --> /.test(l)));
        for (const t of d.transitions) for (const edge of edgesOf(t)) expect(edges).toContain(edge);
      });

      it('marks the initial state of the machine and of each compound state, and every final state', () => {
        expect(lines).toContain(`  [*] --> ${d.initial}`);
        for (const s of d.states.filter((x) => x.initial)) expect(lines.map((l) => l.trim())).toContain(`[*] --> ${m(s.id)}`);
        for (const s of d.states.filter((x) => x.final)) expect(lines.map((l) => l.trim())).toContain(`${m(s.id)} --> [*]`);
        expect(lines.filter((l) => l.includes('[*]'))).toHaveLength(d.states.filter((x) => x.initial).length + d.states.filter((x) => x.final).length);
      });

      it('separates the regions of a parallel state with --', () => {
        const regions = d.states.filter((s) => s.parent !== null && d.states.find((p) => p.id === s.parent)!.type === 'parallel').length;
        const parallels = d.states.filter((s) => s.type === 'parallel').length;
        expect(lines.filter((l) => l.trim() === '--')).toHaveLength(regions - parallels);
      });

      it('draws nothing else', () => {
        const edgeLines = lines.filter((l) => / --> /.test(l) && !l.includes('[*]'));
        const expected = new Set(d.transitions.flatMap(edgesOf));
        expect(edgeLines).toHaveLength(expected.size);
        const separators = lines.filter((l) => l.trim() === '--').length;
        const markers = lines.filter((l) => l.includes('[*]')).length;
        expect(lines).toHaveLength(1 + d.states.length + composites.length + separators + markers + expected.size);
        expect(lines.filter((l) => l.trim() === '}')).toHaveLength(composites.length);
      });

      it('is what toMermaid() renders on its own', () => {
        expect(toMermaid(def)).toBe(d.mermaid);
      });
    });

    it('reads state metadata through stateMeta()', () => {
      for (const s of d.states) expect(stateMeta(def.machine, s.id).label).toBe(s.label);
      expect(() => stateMeta(def.machine, 'noSuchState')).toThrow(/noSuchState/);
    });
  });
});
