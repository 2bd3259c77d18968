import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { RoadmapView } from '../../../../src/domain/api';
import { muted } from '../../shared/components';
import { usePageRoute } from '../../shared/route/PageRouteProvider';
import { useDialogs } from './dialogs';

/**
 * The roadmap's header, as Jira's page headers go: its title and project, and the primary actions — add an
 * initiative (editors), import and export, settings. Actions a role cannot take are left out, and the page says why
 * (the view-only banner; the settings view explains who may change them).
 */
export function PageHeader({ view, refreshing }: { view: RoadmapView; refreshing: boolean }) {
  const { openDialog } = useDialogs();
  const { navigate } = usePageRoute();
  const { canEdit } = view.permissions;
  return (
    <header
      data-testid="page-header"
      style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: token('space.150') }}
    >
      <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
        <Heading size="large" as="h1">
          {view.title}
        </Heading>
        <div style={muted} data-testid="project-name">
          {view.project.name} ({view.project.key}){refreshing ? ' · refreshing…' : ''}
        </div>
      </div>
      <div role="group" aria-label="Roadmap actions" style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        {canEdit ? (
          <Button appearance="primary" onClick={() => openDialog({ kind: 'create' })} testId="add-initiative">
            Add initiative
          </Button>
        ) : null}
        <Button onClick={() => navigate({ view: 'import-export', filters: {} })}>{canEdit ? 'Import and export' : 'Export'}</Button>
        <Button onClick={() => navigate({ view: 'settings', filters: {} })}>Settings</Button>
      </div>
    </header>
  );
}
