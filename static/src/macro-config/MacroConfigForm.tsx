import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { view as forgeView } from '@forge/bridge';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useController, useForm } from 'react-hook-form';
import { z } from 'zod';
import { type MacroConfig, macroConfigSchema, projectKeyOrIdSchema, type ProjectRef } from '../../../src/domain/api';
import { call } from '../shared/client';
import { ErrorMessage, Loading, muted, Page } from '../shared/components';
import { useSurfaceContext } from '../shared/data/queries';
import { apiErrorOf, unwrap } from '../shared/data/query-client';
import { Field, NativeSelect, TextInput } from '../shared/fields';

const VIEW_OPTIONS = [
  { value: 'executive', label: 'Executive' },
  { value: 'engineering', label: 'Engineering' },
] as const;

/**
 * The settings form's values, named by payload path: `projectKeyOrId` as findProject takes it (trimmed), `view` as
 * the macro's config stores it. Checked with the domain's own schemas, so the messages are the resolver's.
 */
const configFormSchema = z.object({ projectKeyOrId: z.string().trim().pipe(projectKeyOrIdSchema), view: macroConfigSchema.shape.view });
type ConfigValues = z.input<typeof configFormSchema>;
type CheckedValues = z.output<typeof configFormSchema>;

/** The macro's settings: find a Jira project by key, pick a view, save through view.submit. */
export function MacroConfigPage() {
  const ctx = useSurfaceContext();
  return (
    <Page testId="macro-config" compact>
      {ctx === null ? <Loading /> : <ConfigForm initial={ctx.macroConfig} />}
    </Page>
  );
}

function ConfigForm({ initial }: { initial: MacroConfig | undefined }) {
  const form = useForm<ConfigValues, unknown, CheckedValues>({
    defaultValues: { projectKeyOrId: '', view: initial?.view ?? 'executive' },
    resolver: zodResolver(configFormSchema),
    reValidateMode: 'onSubmit',
  });
  // findProject is a read the cache keeps nothing of: one request per Find.
  const finder = useMutation({
    mutationFn: async (projectKeyOrId: string): Promise<ProjectRef> => unwrap(await call('findProject', { projectKeyOrId })),
    onSuccess: (project) => form.setValue('projectKeyOrId', project.key),
    onError: (failure, asked) => {
      const error = apiErrorOf(failure);
      const beside = error.fields?.projectKeyOrId ?? (error.code === 'NOT_FOUND' ? error.message || 'No project with that key' : undefined);
      if (form.getValues('projectKeyOrId') === '') form.setValue('projectKeyOrId', asked);
      if (beside) form.setError('projectKeyOrId', { type: 'server', message: beside });
    },
  });
  const saver = useMutation({
    mutationFn: async (config: MacroConfig) => forgeView.submit({ config }),
  });
  const project = finder.isSuccess ? finder.data : null;
  // TanStack keeps these two stable across renders.
  const { mutate: findProject, reset: forgetFound } = finder;

  // An existing config only stores the project id: look it up once to show its key and name.
  useEffect(() => {
    if (initial) findProject(initial.projectId);
  }, [initial, findProject]);
  // A different key no longer names the project found.
  useEffect(() => {
    const subscription = form.watch((_, { name, type }) => {
      if (name === 'projectKeyOrId' && type === 'change') {
        forgetFound();
        form.clearErrors('projectKeyOrId');
      }
    });
    return () => subscription.unsubscribe();
  }, [form, forgetFound]);

  const find = form.handleSubmit((values) => {
    saver.reset();
    finder.mutate(values.projectKeyOrId);
  });
  const save = () => {
    if (!project) return;
    const parsed = macroConfigSchema.safeParse({ projectId: project.id, view: form.getValues('view') });
    if (parsed.success) saver.mutate(parsed.data);
  };

  const key = useController({ name: 'projectKeyOrId', control: form.control });
  const viewKind = useController({ name: 'view', control: form.control });
  const keyError = key.fieldState.error?.message;
  const findError = finder.isError ? apiErrorOf(finder.error) : null;
  const otherFindError = findError && !keyError ? findError : null;
  const saveError = saver.isError ? (saver.error instanceof Error ? saver.error.message : "The settings couldn't be saved") : null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), maxWidth: '420px' }}>
      <form noValidate onSubmit={(event) => void find(event)} style={{ display: 'flex', alignItems: 'flex-end', gap: token('space.100') }}>
        <div style={{ flex: 1 }}>
          <Field id="projectKeyOrId" label="Project key" error={keyError}>
            <TextInput id="projectKeyOrId" value={key.field.value} onChange={key.field.onChange} error={keyError} placeholder="TR" maxLength={40} />
          </Field>
        </div>
        <div style={{ paddingBottom: keyError ? token('space.300') : 0 }}>
          <Button type="submit" isLoading={finder.isPending}>
            Find
          </Button>
        </div>
      </form>
      {otherFindError ? (
        <ErrorMessage error={otherFindError} title={otherFindError.code === 'FORBIDDEN' ? "You don't have access to this project" : undefined} />
      ) : null}
      {project ? (
        <div data-testid="found-project" style={muted}>
          Project: <strong style={{ color: token('color.text') }}>{project.name}</strong> ({project.key})
        </div>
      ) : null}
      <Field id="view" label="View">
        <NativeSelect id="view" value={viewKind.field.value ?? 'executive'} onChange={viewKind.field.onChange} options={VIEW_OPTIONS} />
      </Field>
      {saveError ? (
        <SectionMessage appearance="error" title="The settings couldn't be saved">
          <p>{saveError}</p>
        </SectionMessage>
      ) : null}
      <div>
        <Button appearance="primary" onClick={save} isDisabled={!project || saver.isPending} isLoading={saver.isPending}>
          Save
        </Button>
      </div>
      {!project ? <div style={muted}>Find a project to save these settings.</div> : null}
    </div>
  );
}
