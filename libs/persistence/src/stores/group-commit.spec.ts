import { GroupCommit } from './group-commit';

interface Plan {
  caseId: string;
  bad?: boolean;
}

/** A store whose commits finish only when the test says so, recording what reached it and how. */
function store(limit: number) {
  const calls: string[][] = [];
  const pending: (() => void)[] = [];
  const finishAll = async () => {
    while (pending.length) {
      pending.splice(0).forEach((f) => f());
      await new Promise((r) => setImmediate(r));
    }
  };
  const settle = <T>(value: () => T) => new Promise<T>((resolve, reject) => pending.push(() => { try { resolve(value()); } catch (e) { reject(e); } }));
  const group = new GroupCommit<Plan, string>({
    limit,
    maxGroup: 3,
    key: (p) => p.caseId,
    one: (p) => {
      calls.push([p.caseId]);
      return settle(() => {
        if (p.bad) throw new Error(`refused ${p.caseId}`);
        return `one:${p.caseId}`;
      });
    },
    many: (ps) => {
      calls.push(ps.map((p) => p.caseId));
      return settle(() => {
        if (ps.some((p) => p.bad)) throw new Error('group refused');
        return ps.map((p) => `many:${p.caseId}`);
      });
    },
  });
  return { group, calls, finishAll };
}

describe('GroupCommit', () => {
  it('sends commits straight through while fewer than the limit are in flight', async () => {
    const { group, calls, finishAll } = store(2);
    const results = [group.commit({ caseId: 'a' }), group.commit({ caseId: 'b' })];
    await finishAll();
    expect(await Promise.all(results)).toEqual(['one:a', 'one:b']);
    expect(calls).toEqual([['a'], ['b']]);
  });

  it('groups the commits that arrive while the limit is reached, at most maxGroup at a time, each getting its own result', async () => {
    const { group, calls, finishAll } = store(1);
    const results = ['a', 'b', 'c', 'd', 'e', 'f'].map((caseId) => group.commit({ caseId }));
    await finishAll();
    expect(calls).toEqual([['a'], ['b', 'c', 'd'], ['e', 'f']]);
    expect(await Promise.all(results)).toEqual(['one:a', 'many:b', 'many:c', 'many:d', 'many:e', 'many:f']);
  });

  it('never puts two plans for the same case in one group, and keeps their order', async () => {
    const { group, calls, finishAll } = store(1);
    const results = [{ caseId: 'a' }, { caseId: 'b' }, { caseId: 'b' }, { caseId: 'c' }, { caseId: 'b' }].map((p) => group.commit(p));
    await finishAll();
    expect(calls).toEqual([['a'], ['b', 'c'], ['b'], ['b']]);
    expect(await Promise.all(results)).toEqual(['one:a', 'many:b', 'one:b', 'many:c', 'one:b']);
  });

  it('commits a failed group one by one, so only the plan at fault fails', async () => {
    const { group, calls, finishAll } = store(1);
    const results = [{ caseId: 'a' }, { caseId: 'b' }, { caseId: 'c', bad: true }, { caseId: 'd' }].map((p) => group.commit(p).catch((e: Error) => e.message));
    await finishAll();
    expect(calls).toEqual([['a'], ['b', 'c', 'd'], ['b'], ['c'], ['d']]);
    expect(await Promise.all(results)).toEqual(['one:a', 'one:b', 'refused c', 'one:d']);
  });

  it('goes back to direct commits once the queue has drained', async () => {
    const { group, calls, finishAll } = store(1);
    await Promise.all([group.commit({ caseId: 'a' }), group.commit({ caseId: 'b' }), group.commit({ caseId: 'c' }), finishAll()]);
    await finishAll();
    const later = group.commit({ caseId: 'd' });
    await finishAll();
    expect(await later).toBe('one:d');
    expect(calls.at(-1)).toEqual(['d']);
  });
});
