import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { view as forgeView } from '@forge/bridge';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { type CSSProperties, type ReactNode, useEffect, useMemo, useState } from 'react';
import { MACRO_VIEWS, type MacroConfig, macroConfigSchema, type MacroViewId, type ProjectRef } from '../../../src/domain/api';
import { call } from '../shared/client';
import { PresetPeople, useSurfaceContext } from '../shared/data/queries';
import { apiErrorOf, unwrap } from '../shared/data/query-client';
import { EmbeddedRoadmap, MACRO_VIEW_LABEL } from '../shared/embed/EmbeddedRoadmap';
import { Field, TextInput } from '../shared/fields';
import { ErrorMessage, Loading, muted, Page } from '../shared/page';
import { useDebounced } from '../shared/use-debounced';

const VIEW_HELP: Record<MacroViewId, string> = {
  executive: 'Business goals and the initiatives serving them, with status, metrics and progress, on one page.',
  board: 'Initiatives in Now, Next and Later, with owners and warnings.',
  timeline: 'Phases and initiatives across quarters, with milestones and today.',
  capacity: 'Capacity per quarter, committed effort by track and the reserved buffer.',
  changelog: 'What changed on the roadmap in the last 30 days, and why.',
};

/** getMacroPreview answers at most this many changes. */
const PREVIEW_CHANGES = 10;

/** Typing waits this long before searching, so a word is one request, not one per letter. */
const SEARCH_DELAY_MS = 250;

/**
 * The macro's settings: pick a Jira project (searched by name or key, as the viewer may see them), pick the view to
 * embed, see it live, then Save (view.submit) or Cancel (view.close).
 */
export function MacroConfigPage() {
  const ctx = useSurfaceContext();
  return (
    <Page testId="macro-config" compact>
      {ctx === null ? <Loading /> : <ConfigForm initial={ctx.macroConfig} />}
    </Page>
  );
}

function ConfigForm({ initial }: { initial: MacroConfig | undefined }) {
  const [query, setQuery] = useState('');
  const search = useDebounced(query.trim(), SEARCH_DELAY_MS);
  const [project, setProject] = useState<ProjectRef | null>(null);
  const [viewId, setViewId] = useState<MacroViewId>(initial?.view ?? 'executive');
  const [missing, setMissing] = useState(false);

  // A saved config only stores the project id: look it up once to show its name (or that it is gone).
  const saved = useQuery({
    queryKey: ['config-project', initial?.projectId],
    queryFn: async () => unwrap(await call('findProject', { projectKeyOrId: initial!.projectId })),
    enabled: initial !== undefined,
    retry: false,
  });
  useEffect(() => {
    if (saved.data) setProject((current) => current ?? saved.data);
    if (saved.isError) setMissing(true);
  }, [saved.data, saved.isError]);

  const found = useQuery({
    queryKey: ['project-search', search],
    queryFn: async () => unwrap(await call('searchProjects', { query: search })).projects,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
  const saver = useMutation({ mutationFn: async (config: MacroConfig) => forgeView.submit({ config }) });
  const save = () => {
    if (!project) return;
    const parsed = macroConfigSchema.safeParse({ projectId: project.id, view: viewId });
    if (parsed.success) saver.mutate(parsed.data);
  };
  const saveError = saver.isError ? (saver.error instanceof Error ? saver.error.message : "The settings couldn't be saved") : null;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(260px, 1fr) minmax(260px, 1fr)', gap: token('space.300'), alignItems: 'start' }}>
        <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.150') }}>
          <Field id="project-search" label="Project" help="Search by project name or key">
            <TextInput
              id="project-search"
              value={query}
              onChange={setQuery}
              placeholder="e.g. TR or Payments"
              maxLength={100}
              help="Search by project name or key"
            />
          </Field>
          {missing && !project ? (
            <SectionMessage appearance="warning" title="The saved project isn't available" testId="saved-project-missing">
              <p>It was deleted, or you can't browse it. Choose another project.</p>
            </SectionMessage>
          ) : null}
          <ProjectChoices
            projects={found.data ?? null}
            error={found.isError ? apiErrorOf(found.error) : null}
            query={search}
            chosen={project}
            onChoose={setProject}
          />
          <ViewChoices chosen={viewId} onChoose={setViewId} />
        </div>
        <Preview project={project} viewId={viewId} />
      </div>
      {saveError ? (
        <SectionMessage appearance="error" title="The settings couldn't be saved">
          <p>{saveError}</p>
        </SectionMessage>
      ) : null}
      <div style={{ display: 'flex', justifyContent: 'flex-end', alignItems: 'center', gap: token('space.100') }}>
        {!project ? <span style={muted}>Choose a project to save.</span> : null}
        <Button appearance="subtle" onClick={() => void forgeView.close()}>
          Cancel
        </Button>
        <Button appearance="primary" onClick={save} isDisabled={!project || saver.isPending} isLoading={saver.isPending}>
          Save
        </Button>
      </div>
    </div>
  );
}

const legendStyle: CSSProperties = {
  font: token('font.body.small'),
  fontWeight: token('font.weight.semibold'),
  color: token('color.text.subtle'),
  padding: 0,
  marginBlockEnd: token('space.050'),
};

function RadioGroup({ legend, testId, children }: { legend: string; testId: string; children: ReactNode }) {
  return (
    <fieldset data-testid={testId} style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
      <legend style={legendStyle}>{legend}</legend>
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.075') }}>{children}</div>
    </fieldset>
  );
}

function Radio({ name, checked, onChange, children, testId }: { name: string; checked: boolean; onChange: () => void; children: ReactNode; testId: string }) {
  return (
    <label
      data-testid={testId}
      style={{ display: 'flex', alignItems: 'flex-start', gap: token('space.075'), font: token('font.body'), color: token('color.text'), cursor: 'pointer' }}
    >
      <input
        type="radio"
        name={name}
        checked={checked}
        onChange={onChange}
        style={{ accentColor: token('color.background.selected.bold'), margin: 0, marginBlockStart: 2, width: 16, height: 16, flex: 'none' }}
      />
      <span>{children}</span>
    </label>
  );
}

function ProjectChoices(props: {
  projects: ProjectRef[] | null;
  error: ReturnType<typeof apiErrorOf> | null;
  query: string;
  chosen: ProjectRef | null;
  onChoose: (project: ProjectRef) => void;
}) {
  const { projects, error, query, chosen, onChoose } = props;
  // The chosen project stays listed while a search for another one runs.
  const shown = useMemo(() => {
    const list = projects ?? [];
    return chosen && !list.some((p) => p.id === chosen.id) ? [chosen, ...list] : list;
  }, [projects, chosen]);
  if (error) return <ErrorMessage error={error} title="Projects couldn't be searched" />;
  if (projects === null) return <Loading label="Searching projects" />;
  return (
    <RadioGroup legend={query ? `Projects matching “${query}”` : 'Projects'} testId="project-choices">
      {shown.length === 0 ? <div style={muted}>No project you can browse matches “{query}”.</div> : null}
      {shown.map((p) => (
        <Radio key={p.id} name="project" checked={chosen?.id === p.id} onChange={() => onChoose(p)} testId="project-choice">
          {p.name} <span style={{ color: token('color.text.subtle') }}>({p.key})</span>
        </Radio>
      ))}
    </RadioGroup>
  );
}

function ViewChoices({ chosen, onChoose }: { chosen: MacroViewId; onChoose: (view: MacroViewId) => void }) {
  return (
    <RadioGroup legend="View to embed" testId="view-choices">
      {MACRO_VIEWS.map((v) => (
        <Radio key={v} name="view" checked={chosen === v} onChange={() => onChoose(v)} testId="view-choice">
          {MACRO_VIEW_LABEL[v]}
          <span style={{ ...muted, display: 'block' }}>{VIEW_HELP[v]}</span>
        </Radio>
      ))}
    </RadioGroup>
  );
}

/** The chosen view of the chosen project, as the page will show it, from one getMacroPreview read per project. */
function Preview({ project, viewId }: { project: ProjectRef | null; viewId: MacroViewId }) {
  const preview = useQuery({
    queryKey: ['macro-preview', project?.id],
    queryFn: async () => unwrap(await call('getMacroPreview', { projectId: project!.id })),
    enabled: project !== null,
    retry: false,
  });
  const people = useMemo(() => new Map((preview.data?.people ?? []).map((p) => [p.accountId, p])), [preview.data]);
  return (
    <section
      data-testid="macro-preview"
      aria-label="Preview"
      style={{
        border: `${token('border.width', '1px')} solid ${token('color.border')}`,
        borderRadius: token('radius.large', '8px'),
        padding: token('space.200'),
        maxHeight: 400,
        overflow: 'auto',
        // Absolutely placed descendants (screen-reader text) scroll with the preview instead of stretching the page.
        position: 'relative',
        minWidth: 0,
      }}
    >
      <div style={{ ...legendStyle, marginBlockEnd: token('space.100') }}>Preview</div>
      {project === null ? <div style={muted}>Choose a project to see its roadmap here.</div> : null}
      {project !== null && preview.isPending ? <Loading label="Loading preview" /> : null}
      {preview.isError ? <ErrorMessage error={apiErrorOf(preview.error)} title="The roadmap couldn't be previewed" /> : null}
      {preview.data ? (
        <PresetPeople.Provider value={people}>
          <EmbeddedRoadmap
            view={preview.data.view}
            viewId={viewId}
            changes={{ list: preview.data.changes, hasMore: preview.data.changes.length >= PREVIEW_CHANGES }}
          />
        </PresetPeople.Provider>
      ) : null}
    </section>
  );
}
