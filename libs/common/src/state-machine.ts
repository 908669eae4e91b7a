import { CommonErrorCode } from './error-code';
import { commonError } from './errors';

export interface Label {
  zh: string;
  en: string;
}

/** One allowed move of a lifecycle: from which states, to which state. */
export interface Transition<S extends string = string> {
  from: readonly S[];
  to: S;
}

export interface LifecycleLabels {
  /** What the record is called in a refusal, e.g. { zh: '征集', en: 'call' }. */
  entity?: Label;
  states?: Record<string, Label>;
  actions?: Record<string, Label>;
}

/**
 * The one place a lifecycle move is judged: the target state of `action` from `current`, or 409
 * INVALID_STATE_TRANSITION naming the state and the move in both languages, with the allowed states as detail.
 * Every module keeps its own transition table and labels and calls this.
 */
export function nextState<S extends string>(
  entity: string,
  table: Record<string, Transition<S>>,
  action: string,
  current: S,
  labels: LifecycleLabels = {},
): S {
  const rule = table[action];
  if (rule && rule.from.includes(current)) return rule.to;
  const state = labels.states?.[current] ?? { zh: current, en: current };
  const move = labels.actions?.[action] ?? { zh: '执行此操作', en: action.replace(/_/g, ' ') };
  const subject = labels.entity ?? { zh: '', en: 'this record' };
  throw commonError(
    CommonErrorCode.INVALID_STATE_TRANSITION,
    { entity, action, from: current, allowedFrom: rule?.from ?? [] },
    {
      zh: `${subject.zh || ''}当前状态为「${state.zh}」，不能${move.zh}`,
      en: `Cannot ${move.en} ${subject.en} while it is ${state.en.toLowerCase()}`,
    },
  );
}
