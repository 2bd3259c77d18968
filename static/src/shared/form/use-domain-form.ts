import { type BaseSyntheticEvent, type KeyboardEvent, type RefObject, useEffect, useMemo, useRef, useState } from 'react';
import { type FieldErrors, type FieldValues, type Resolver, useForm, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiError } from '../../../../src/domain/api';
import type { ResolverKey, ResolverTypes } from '../client';
import { closeStep } from './discard';
import { leafPaths } from './paths';
import { checkDraft, type Draft } from './payload-check';
import { useReturnFocus } from './return-focus';
import { type RoutedErrors, routeErrors } from './route-errors';
import { useFormSend } from './send';
import { type RebaseOptions, useRebase } from './use-rebase';
import type { Refresh } from './write-state';

type Payload<K extends ResolverKey> = ResolverTypes[K]['payload'];
type Value<K extends ResolverKey> = ResolverTypes[K]['value'];

export interface DomainFormOptions<K extends ResolverKey, V extends FieldValues, S> extends RebaseOptions<V, S> {
  /** The resolver the form writes through. */
  resolver: K;
  /** The resolver's own payload schema (src/domain/api.ts): the browser checks what the server will. */
  schema: z.ZodType;
  /** The form's one transform from typed values to the payload, against the stored version it is based on. */
  toDraft: (values: V, base: { source: S; revision: number }) => Draft<Payload<K>>;
  onDone: (value: Value<K>, payload: Payload<K>) => void;
  onCancel: () => void;
  /** The first control of this kind takes focus when the form opens; none for a form that is always on the page. */
  focus?: 'input' | 'select' | 'none';
  /**
   * Field names beyond the values' own paths, read from the values as they are now: the rows of a list that is one
   * field (`settings.businessGoals.2.title`), so an error of that path lands on its row, not on the whole list.
   */
  fieldNames?: (values: V) => string[];
  /** The server refused the write (anything but a CONFLICT): a form may show more of its message than the fields say. */
  onRefused?: (error: ApiError) => void;
}

const CHOOSE_PREFIX = 'You and someone else both changed ';
const chooseMessage = (labels: string[]) =>
  `${CHOOSE_PREFIX}${labels.length <= 1 ? labels.join('') : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`}: choose which value to keep, then save.`;

/**
 * One write form on react-hook-form. Values are shaped like the resolver's payload, so a field's name is its payload
 * path and every error — the schema's in the browser or the server's `fields` — lands beside the field of its path;
 * what no field owns goes to the form's error line. A CONFLICT fetches the newest roadmap, shows it on the page and
 * rebases the form onto it (three-way, see useRebase). Escape or Cancel asks before discarding changes; when the
 * form closes, focus goes back to the control that opened it.
 */
export function useDomainForm<K extends ResolverKey, V extends FieldValues, S>(options: DomainFormOptions<K, V, S>) {
  const optionsRef = useRef(options);
  optionsRef.current = options;
  const [defaults] = useState(() => options.toValues(options.source as S));
  const paths = useMemo(() => leafPaths(defaults), [defaults]);
  const [formLevel, setFormLevel] = useState<string[]>([]);
  const [apiError, setApiError] = useState<ApiError | null>(null);
  const [refresh, setRefresh] = useState<Refresh>(null);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { sendWrite, fetchNewestView, showsRoadmap } = useFormSend();
  useReturnFocus();

  /** Where errors may land: the values' paths and, for a list's rows, the form's own names. */
  const fieldNames = (values: V) => [...paths, ...(optionsRef.current.fieldNames?.(values) ?? [])];
  const baseRef = useRef<{ source: S; revision: number }>({ source: options.source as S, revision: options.revision });
  /** Checks the draft with the resolver's schema; the payload becomes what handleSubmit hands on. */
  const resolver: Resolver<V, unknown, Payload<K>> = (values) => {
    const draft = optionsRef.current.toDraft(values, baseRef.current);
    const found = checkDraft(optionsRef.current.schema, draft, fieldNames(values));
    setFormLevel(found?.formLevel ?? []);
    if (!found) return { values: draft.payload, errors: {} };
    const errors = nested(found);
    // A refusal no field owns ("Nothing to save") must stop the submit too: react-hook-form submits on no errors.
    if (Object.keys(errors).length === 0) errors.root = { type: 'validate', message: found.formLevel.join(' ') };
    return { values: {}, errors: errors as FieldErrors<V> };
  };
  const form = useForm<V, unknown, Payload<K>>({ defaultValues: defaults as never, resolver, reValidateMode: 'onSubmit', shouldFocusError: false });
  const merge = useRebase(form, paths, options);
  baseRef.current = merge.base;

  useEffect(() => {
    if (options.focus !== 'none') formRef.current?.querySelector<HTMLElement>(options.focus ?? 'input')?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the form opens
  }, []);
  // A field's error goes once it changes; so does the form's line.
  useEffect(() => {
    const subscription = form.watch((_, { name }) => {
      if (!name) return;
      form.clearErrors(name);
      setFormLevel((l) => (l.length === 0 ? l : []));
    });
    return () => subscription.unsubscribe();
  }, [form]);
  // Once every field both people changed has a choice, the reminder to choose no longer applies.
  const waiting = merge.unresolvedLabels.length;
  useEffect(() => {
    if (waiting === 0) setFormLevel((l) => (l.some((m) => m.startsWith(CHOOSE_PREFIX)) ? l.filter((m) => !m.startsWith(CHOOSE_PREFIX)) : l));
  }, [waiting]);
  // After the page shows a newer revision, a CONFLICT message no longer applies.
  useEffect(() => {
    setApiError((e) => (e?.code === 'CONFLICT' ? null : e));
  }, [options.revision]);

  const focusFirstError = () =>
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-invalid="true"] input')?.focus());

  function showServerErrors(error: ApiError) {
    optionsRef.current.onRefused?.(error);
    const routed = routeErrors(error.fields ?? {}, fieldNames(form.getValues()));
    for (const [path, message] of Object.entries(routed.byField)) form.setError(path as never, { type: 'server', message });
    if (routed.formLevel.length > 0) setFormLevel(routed.formLevel);
    if (Object.keys(routed.byField).length === 0 && routed.formLevel.length === 0) setApiError(error);
    else focusFirstError();
  }

  /** After a CONFLICT: fetch the newest roadmap, show it, rebase onto it. False when that does not apply. */
  async function rebaseAfterConflict(error: ApiError, sentRevision: number): Promise<boolean> {
    if (!showsRoadmap()) return false;
    setRefresh({ phase: 'fetching' });
    // Fetched through the data layer, which shows it on the page too.
    const fresh = await fetchNewestView();
    if (!fresh.ok || fresh.value.revision <= sentRevision) {
      setRefresh(null);
      return false;
    }
    if (options.select) {
      setRefresh(null);
      if (!merge.rebaseTo(fresh.value, error.message || null)) {
        setApiError({ code: 'NOT_FOUND', message: 'Someone else deleted it while you were editing, so your changes cannot be saved.' });
      }
    } else setRefresh({ phase: 'refreshed', message: error.message });
    return true;
  }

  async function send(payload: Payload<K>) {
    setApiError(null);
    setRefresh(null);
    if (merge.unresolvedLabels.length > 0) {
      setFormLevel([chooseMessage(merge.unresolvedLabels)]);
      formRef.current?.querySelector<HTMLInputElement>('fieldset[data-choice=""] input[type="radio"]')?.focus();
      return;
    }
    const result = await sendWrite(optionsRef.current.resolver, payload);
    if (result.ok) {
      optionsRef.current.onDone(result.value, payload);
      return;
    }
    const { error } = result;
    if (error.code === 'CONFLICT') {
      const sent = (payload as { baseRevision?: unknown }).baseRevision;
      if (!(await rebaseAfterConflict(error, typeof sent === 'number' ? sent : merge.base.revision))) setApiError(error);
    } else showServerErrors(error);
  }

  const submitting = form.formState.isSubmitting;
  const onSubmit = form.handleSubmit(send, focusFirstError);
  const isDirty = form.formState.isDirty;
  /** Escape or Cancel: close, or first ask when that would discard changes. */
  const requestClose = () => {
    if (closeStep(isDirty) === 'confirm') setConfirmingDiscard(true);
    else optionsRef.current.onCancel();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || submitting) return;
    event.preventDefault();
    if (confirmingDiscard) setConfirmingDiscard(false);
    else requestClose();
  };

  const layer: DomainForm = {
    // The shared inputs address fields by path string, so they see the values untyped.
    methods: form as unknown as UseFormReturn<FieldValues>,
    formLevel,
    submitting,
    onSubmit,
    onKeyDown,
    formRef,
    discard: {
      confirming: confirmingDiscard,
      request: requestClose,
      // The question goes too: a form that stays on the page (it only empties) must not keep asking.
      confirm: () => {
        setConfirmingDiscard(false);
        optionsRef.current.onCancel();
      },
      keepEditing: () => setConfirmingDiscard(false),
    },
  };
  return {
    ...layer,
    form,
    merge,
    paths,
    apiError,
    refresh,
  };
}

/** What the frame, the shared inputs and the buttons need of a domain form. */
export interface DomainForm {
  methods: UseFormReturn<FieldValues>;
  formLevel: string[];
  submitting: boolean;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
  onKeyDown: (event: KeyboardEvent) => void;
  formRef: RefObject<HTMLFormElement>;
  discard: { confirming: boolean; request: () => void; confirm: () => void; keepEditing: () => void };
}

/** Routed errors as react-hook-form holds them: nested by path. */
function nested(found: RoutedErrors): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const [path, message] of Object.entries(found.byField)) {
    const keys = path.split('.');
    let at = errors;
    for (const key of keys.slice(0, -1)) at = (at[key] ??= {}) as Record<string, unknown>;
    at[keys.at(-1)!] = { type: 'validate', message };
  }
  return errors;
}
