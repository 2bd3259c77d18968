import { type FormEvent, type KeyboardEvent, useEffect, useRef, useState } from 'react';
import type { ApiError, RoadmapView } from '../../../src/domain/api';
import type { ResolverKey, ResolverTypes } from './client';
import { useFormSend } from './form/send';

/** What a write form shows: one message beside each input, plus what fits no input. */
export interface FormErrors<F extends string> {
  byField: Partial<Record<F, string>>;
  other: string[];
}

type Payload<K extends ResolverKey> = ResolverTypes[K]['payload'];
type Value<K extends ResolverKey> = ResolverTypes[K]['value'];

/** What a write form needs of an edit form's three-way rebase (useMergeForm). */
export interface Rebasable {
  /** The fields still waiting for "keep mine / take theirs": the save waits for them. */
  unresolvedLabels: string[];
  /** Rebases onto a fresh view; false when the stored thing is gone from it. */
  rebaseTo: (view: RoadmapView, conflictMessage: string | null) => boolean;
}

/** After a CONFLICT: fetching the newest roadmap, or (for a form without a merge) the note that it now uses it. */
export type Refresh = { phase: 'fetching' } | { phase: 'refreshed'; message: string } | null;

export interface WriteFormOptions<K extends ResolverKey, E extends FormErrors<string>> {
  /** The resolver the form writes through (a union when the form creates or updates). */
  resolver: K;
  /** The roadmap revision the form writes against: a newer one clears a CONFLICT message. */
  revision: number;
  /** The form's "no errors" value. */
  noErrors: E;
  /** Checks the payload in the browser: the errors to show, or null to send it. */
  validate: (payload: Payload<K>) => E | null;
  /** The server's dot-path field errors onto the form. */
  mapErrors: (fields: Record<string, string>, error: ApiError) => E;
  /** Where server errors that fit no input go: the form's own line (`inline`, the default) or the api error. */
  leftovers?: 'inline' | 'api-error';
  /** Whether changing any field also clears the errors that fit no input. */
  clearOtherOnChange?: boolean;
  onDone: (value: Value<K>, payload: Payload<K>) => void;
  onCancel: () => void;
  /** Whether Escape cancels while a write is under way (the Cancel button is disabled then). */
  escapeWhileSubmitting?: boolean;
  /** The first control of this kind takes focus when the form opens. */
  focus?: 'input' | 'select';
  /** An edit form's three-way rebase: a CONFLICT then rebases it onto the newest version instead of failing. */
  merge?: Rebasable;
  /** Called with the errors a refused save put beside the inputs (e.g. to focus the first). */
  onErrors?: (errors: E) => void;
}

/** `validate` for a form whose local check is the resolver's schema alone, mapped like the server's errors. */
export const schemaCheck =
  <P, E>(check: (payload: P) => Record<string, string> | null, map: (fields: Record<string, string>) => E) =>
  (payload: P): E | null => {
    const fields = check(payload);
    return fields ? map(fields) : null;
  };

const CHOOSE_PREFIX = 'You and someone else both changed ';
const conflictChoiceMessage = (labels: string[]) => {
  const names = labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`;
  return `${CHOOSE_PREFIX}${names}: choose which value to keep, then save.`;
};

/**
 * The submit logic the write forms share: validate locally with the server's schema, call the resolver, then hand
 * the value on or put the errors beside the inputs (or above them).
 *
 * A CONFLICT (someone saved first) fetches the newest roadmap, shows it on the page and rebases the form onto it
 * (`merge`, three-way: only the fields this user changed are re-sent; fields both changed wait for a choice). Without
 * a newer revision, or outside the project page, the CONFLICT is shown as before, with a reload button. A newer
 * revision arriving otherwise clears a CONFLICT message.
 */
export function useWriteForm<K extends ResolverKey, E extends FormErrors<string>>(options: WriteFormOptions<K, E>) {
  const { resolver, revision, noErrors, validate, mapErrors, leftovers = 'inline', clearOtherOnChange = false } = options;
  const [errors, setErrors] = useState<E>(noErrors);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [refresh, setRefresh] = useState<Refresh>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const focus = options.focus ?? 'input';
  const { sendWrite, fetchNewestView, showsRoadmap } = useFormSend();

  useEffect(() => {
    formRef.current?.querySelector(focus)?.focus();
    // Only when the form opens.
  }, []);
  // Once every field both people changed has a choice, the "choose which value to keep" line no longer applies.
  const waitingCount = options.merge?.unresolvedLabels.length ?? 0;
  useEffect(() => {
    if (waitingCount > 0) return;
    setErrors((e) => (e.other.some((m) => m.startsWith(CHOOSE_PREFIX)) ? { ...e, other: e.other.filter((m) => !m.startsWith(CHOOSE_PREFIX)) } : e));
  }, [waitingCount]);
  // After a reload brings a newer revision, a conflict message no longer applies.
  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' ? null : e));
  }, [revision]);

  const showErrors = (e: E) => {
    setErrors(e);
    options.onErrors?.(e);
  };

  /** After a CONFLICT: fetch the newest roadmap and rebase onto it. False when that does not apply. */
  async function rebaseAfterConflict(error: ApiError, sentRevision: number): Promise<boolean> {
    if (!showsRoadmap()) return false;
    setRefresh({ phase: 'fetching' });
    const fresh = await fetchNewestView();
    if (!fresh.ok || fresh.value.revision <= sentRevision) {
      setRefresh(null);
      return false;
    }
    if (options.merge) {
      setRefresh(null);
      if (!options.merge.rebaseTo(fresh.value, error.message || null)) {
        setApiError({ code: 'NOT_FOUND', message: 'Someone else deleted it while you were editing, so your changes cannot be saved.' });
      }
    } else setRefresh({ phase: 'refreshed', message: error.message });
    return true;
  }

  async function submit(payload: Payload<K>) {
    if (submitting) return;
    setApiError(null);
    setRefresh(null);
    const local = validate(payload);
    if (local) {
      showErrors(local);
      return;
    }
    const waiting = options.merge?.unresolvedLabels ?? [];
    if (waiting.length > 0) {
      setErrors({ ...noErrors, other: [conflictChoiceMessage(waiting)] });
      formRef.current?.querySelector<HTMLInputElement>('fieldset[data-choice=""] input[type="radio"]')?.focus();
      return;
    }
    setErrors(noErrors);
    setSubmitting(true);
    const result = await sendWrite(resolver, payload);
    if (result.ok) {
      setSubmitting(false);
      options.onDone(result.value, payload);
      return;
    }
    const { error } = result;
    if (error.code === 'CONFLICT') {
      const sent = (payload as { baseRevision?: unknown }).baseRevision;
      const handled = await rebaseAfterConflict(error, typeof sent === 'number' ? sent : revision);
      setSubmitting(false);
      if (!handled) setApiError(error);
      return;
    }
    setSubmitting(false);
    if (error.fields && Object.keys(error.fields).length > 0) {
      const mapped = mapErrors(error.fields, error);
      showErrors(mapped);
      if (leftovers === 'api-error' && mapped.other.length > 0) setApiError({ ...error, message: mapped.other.join(' ') });
    } else setApiError(error);
  }

  /** The form's onSubmit: builds the payload from what is typed and submits it. */
  const handleSubmit = (build: () => Payload<K>) => (event: FormEvent) => {
    event.preventDefault();
    if (submitting) return;
    void submit(build());
  };

  /** Clears one input's error once it changes (and, with `clearOtherOnChange`, the errors that fit no input). */
  const clearFieldError = (field: keyof E['byField'] & string) => {
    const byField = errors.byField as Record<string, string | undefined>;
    if (byField[field] || (clearOtherOnChange && errors.other.length > 0)) {
      setErrors((e) => ({ ...e, byField: { ...e.byField, [field]: undefined }, ...(clearOtherOnChange ? { other: [] } : {}) }));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && (options.escapeWhileSubmitting !== false || !submitting)) options.onCancel();
  };

  return { errors, setErrors, apiError, setApiError, refresh, submitting, submit, handleSubmit, clearFieldError, onKeyDown, formRef };
}
