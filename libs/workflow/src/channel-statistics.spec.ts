import { ALL_WORKFLOWS } from './channels';
import { stateConfigurations } from './state-value';

describe("the states a channel's statistics count", () => {
  const declaring = ALL_WORKFLOWS.filter((def) => def.manifest.statistics);

  it('are declared by the mediation channels', () => {
    expect([...new Set(declaring.map((def) => def.id))].sort()).toEqual(expect.arrayContaining(['cm', 'lm', 'pm']));
  });

  it.each(declaring.map((def) => [`${def.id} v${def.version}`, def] as const))('are states of the machine (%s)', (_name, def) => {
    const states = new Set(stateConfigurations(def.machine));
    const { succeeded, performed } = def.manifest.statistics!;
    expect(succeeded.length).toBeGreaterThan(0);
    for (const state of [...succeeded, ...performed]) expect(states).toContain(state);
  });
});
