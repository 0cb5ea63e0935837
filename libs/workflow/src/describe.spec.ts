import { ROLES, type Role } from '@app/shared';
import { eventsHandledIn } from './decide';
import type { WorkflowDefinition } from './definition';
import { deadlinesOf, describeWorkflow, stateMeta, toMermaid } from './describe';
import { ALL_WORKFLOWS } from './index';

const CJK = /[\u4e00-\u9fff]/;
const KNOWN_ROLES: readonly Role[] = [...ROLES, 'SYSTEM'];
const byId = ALL_WORKFLOWS.map((def) => [def.id, def] as const);
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

    it('carries the workflow identity, a Chinese title and its statute', () => {
      expect(d).toMatchObject({ id: def.id, version: def.version, title: expect.stringMatching(CJK), legalBasis: expect.stringMatching(CJK) });
      expect(d.titleEn).not.toBe('');
    });

    it('returns every state of the machine, each with a Chinese and an English label', () => {
      expect(sorted(stateIds)).toEqual(sorted(Object.keys(def.machine.states)));
      for (const s of d.states) {
        expect({ id: s.id, label: s.label }).toEqual({ id: s.id, label: expect.stringMatching(CJK) });
        expect({ id: s.id, labelEn: s.labelEn }).toEqual({ id: s.id, labelEn: expect.stringMatching(/^[A-Z]/) });
      }
      expect(new Set(d.states.map((s) => s.label)).size).toBe(d.states.length);
    });

    it('marks exactly one initial state, the machine’s, and it is not final', () => {
      expect(d.states.filter((s) => s.initial).map((s) => s.id)).toEqual([d.initial]);
      expect(d.initial).toBe(def.machine.config.initial);
      expect(d.states.find((s) => s.initial)!.final).toBe(false);
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
      const used = new Set(d.transitions.map((t) => t.event));
      expect(sorted(used)).toEqual(sorted(Object.keys(def.events)));
    });

    it('lets decide() accept every event describe() lists for a state', () => {
      // A transition with neither a target nor an action is a forbidden transition in XState: it would be described
      // here yet refused as NOT_IN_STATE by decide().
      for (const s of d.states) {
        const handled = eventsHandledIn(def, { value: s.id, context: contextOf(def) });
        expect({ state: s.id, handled: sorted(handled) }).toEqual({ state: s.id, handled: sorted(new Set(transitionsFrom(s.id).map((t) => t.event))) });
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

    it('gives final states no transitions', () => {
      for (const s of d.states.filter((x) => x.final)) expect({ state: s.id, transitions: transitionsFrom(s.id) }).toEqual({ state: s.id, transitions: [] });
      for (const s of d.states.filter((x) => !x.final)) expect({ state: s.id, handles: transitionsFrom(s.id).length > 0 }).toEqual({ state: s.id, handles: true });
    });

    it('targets only states that exist', () => {
      for (const t of d.transitions) if (t.to !== null) expect(stateIds).toContain(t.to);
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
          expect(transitionsFrom(state).map((t) => t.event)).toContain(type);
        }
      });

      it('run through states that exist', () => {
        for (const { state, deadline } of declared.filter((x) => x.deadline.runsThrough)) {
          expect({ at: `${state}/${deadline.id}`, unknown: deadline.runsThrough!.filter((s) => !stateIds.includes(s)) }).toEqual({ at: `${state}/${deadline.id}`, unknown: [] });
        }
      });

      it('are met only by events the states they run through handle', () => {
        for (const { state, deadline } of declared.filter((x) => x.deadline.metBy)) {
          const handled = [state, ...(deadline.runsThrough ?? [])].flatMap((s) => transitionsFrom(s).map((t) => t.event));
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

      it('declares each state once, with its Chinese label', () => {
        const declarations = lines.filter((l) => /^\s*state "/.test(l));
        expect(declarations).toHaveLength(d.states.length);
        for (const s of d.states) expect(declarations.filter((l) => l.trim() === `state "${s.label}" as ${s.id}`)).toHaveLength(1);
      });

      it('draws an edge for each transition, labelled with the event’s Chinese name', () => {
        const edges = new Set(lines.map((l) => l.trim()).filter((l) => / --> /.test(l)));
        for (const t of d.transitions) expect(edges).toContain(`${t.from} --> ${t.to ?? t.from} : ${def.events[t.event].label}`);
      });

      it('marks the initial state and every final state', () => {
        expect(lines).toContain(`  [*] --> ${d.initial}`);
        for (const s of d.states.filter((x) => x.final)) expect(lines).toContain(`  ${s.id} --> [*]`);
        expect(lines.filter((l) => l.includes('[*]'))).toHaveLength(1 + d.states.filter((x) => x.final).length);
      });

      it('draws nothing else', () => {
        const edgeLines = lines.filter((l) => / --> /.test(l) && !l.includes('[*]'));
        const expected = new Set(d.transitions.map((t) => `  ${t.from} --> ${t.to ?? t.from} : ${def.events[t.event].label}`));
        expect(edgeLines).toHaveLength(expected.size);
        expect(lines).toHaveLength(1 + d.states.length + 1 + expected.size + d.states.filter((x) => x.final).length);
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
