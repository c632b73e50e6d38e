// A declared step graph for multi-step journeys. Each step names the precondition that
// must hold on the persisted flow state before it may be shown. A request for a step
// that is not allowed yet (a deep link, the Back button after finishing) resolves to the
// furthest step that is allowed, so no journey can be skipped ahead or replayed.
export interface StepGraph<Step extends string, State> {
  readonly steps: readonly Step[];
  readonly allowed: { readonly [S in Step]: (state: State) => boolean };
}

export function defineSteps<Step extends string, State>(
  graph: StepGraph<Step, State>,
): StepGraph<Step, State> {
  return graph;
}

/** The step to show: the requested one if allowed, else the furthest allowed one. */
export function resolveStep<Step extends string, State>(
  graph: StepGraph<Step, State>,
  state: State,
  requested: Step,
): Step {
  if (graph.allowed[requested](state)) return requested;
  const allowed = graph.steps.filter((step) => graph.allowed[step](state));
  const furthest = allowed[allowed.length - 1];
  if (furthest === undefined) throw new Error('Step graph has no allowed step for this state');
  return furthest;
}
