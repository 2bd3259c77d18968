import { type FormEvent, useEffect, useState } from 'react';
import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { view as forgeView } from '@forge/bridge';
import { type ApiError, type MacroConfig, macroConfigSchema, type ProjectRef } from '../../../src/domain/api';
import { call } from '../shared/client';
import { ErrorMessage, Loading, muted, Page } from '../shared/components';
import { Field, NativeSelect, TextInput } from '../shared/fields';
import { useSurfaceContext } from '../shared/hooks';

const VIEW_OPTIONS = [
  { value: 'executive', label: 'Executive' },
  { value: 'engineering', label: 'Engineering' },
] as const;
type ViewKind = MacroConfig['view'];

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
  const [key, setKey] = useState('');
  const [project, setProject] = useState<ProjectRef | null>(null);
  const [findError, setFindError] = useState<ApiError | null>(null);
  const [finding, setFinding] = useState(false);
  const [viewKind, setViewKind] = useState<ViewKind>(initial?.view ?? 'executive');
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);

  // An existing config only stores the project id: look it up once to show its key and name.
  useEffect(() => {
    if (!initial) return;
    let live = true;
    call('findProject', { projectKeyOrId: initial.projectId }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setProject(r.value);
        setKey(r.value.key);
      } else {
        setKey(initial.projectId);
        setFindError(r.error);
      }
    });
    return () => {
      live = false;
    };
  }, [initial]);

  async function find(event?: FormEvent) {
    event?.preventDefault();
    setProject(null);
    setFindError(null);
    setSaveError(null);
    const projectKeyOrId = key.trim();
    if (!projectKeyOrId) {
      setFindError({ code: 'INVALID_INPUT', message: 'Enter a project key', fields: { projectKeyOrId: 'Required' } });
      return;
    }
    setFinding(true);
    const result = await call('findProject', { projectKeyOrId });
    setFinding(false);
    if (result.ok) setProject(result.value);
    else setFindError(result.error);
  }

  async function save() {
    if (!project) return;
    setSaveError(null);
    const parsed = macroConfigSchema.safeParse({ projectId: project.id, view: viewKind });
    if (!parsed.success) {
      setSaveError(parsed.error.issues[0]?.message ?? 'This configuration is not valid');
      return;
    }
    setSaving(true);
    try {
      await forgeView.submit({ config: parsed.data });
    } catch (err) {
      setSaveError(err instanceof Error ? err.message : "The settings couldn't be saved");
    } finally {
      setSaving(false);
    }
  }

  const keyError = findError?.fields?.projectKeyOrId ?? (findError?.code === 'NOT_FOUND' ? findError.message || 'No project with that key' : undefined);
  const otherFindError = findError && !keyError ? findError : null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150'), maxWidth: '420px' }}>
      <form noValidate onSubmit={find} style={{ display: 'flex', alignItems: 'flex-end', gap: token('space.100') }}>
        <div style={{ flex: 1 }}>
          <Field id="projectKey" label="Project key" error={keyError}>
            <TextInput
              id="projectKey"
              value={key}
              onChange={(v) => {
                setKey(v);
                setProject(null);
              }}
              error={keyError}
              placeholder="TR"
              maxLength={40}
            />
          </Field>
        </div>
        <div style={{ paddingBottom: keyError ? token('space.300') : 0 }}>
          <Button type="submit" isLoading={finding}>
            Find
          </Button>
        </div>
      </form>
      {otherFindError ? <ErrorMessage error={otherFindError} title={otherFindError.code === 'FORBIDDEN' ? "You don't have access to this project" : undefined} /> : null}
      {project ? (
        <div data-testid="found-project" style={muted}>
          Project: <strong style={{ color: token('color.text') }}>{project.name}</strong> ({project.key})
        </div>
      ) : null}
      <Field id="view" label="View">
        <NativeSelect id="view" value={viewKind} onChange={(v) => setViewKind(v === 'engineering' ? 'engineering' : 'executive')} options={VIEW_OPTIONS} />
      </Field>
      {saveError ? (
        <SectionMessage appearance="error" title="The settings couldn't be saved">
          <p>{saveError}</p>
        </SectionMessage>
      ) : null}
      <div>
        <Button appearance="primary" onClick={save} isDisabled={!project || saving} isLoading={saving}>
          Save
        </Button>
      </div>
      {!project ? <div style={muted}>Find a project to save these settings.</div> : null}
    </div>
  );
}
