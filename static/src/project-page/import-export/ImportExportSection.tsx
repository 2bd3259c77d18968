import type { RoadmapView } from '../../../../src/domain/api';
import { muted } from '../../shared/components';
import { Panel } from '../../shared/panel';
import { ExportTools } from './ExportTools';
import { ImportTools } from './ImportTools';

/**
 * Import and export of the roadmap as a table (the technical-roadmap template's columns, plus the export's).
 * Everyone who can see the roadmap exports; editors also import, after previewing what would change.
 */
export function ImportExportSection({ view }: { view: RoadmapView }) {
  const { canEdit } = view.permissions;
  return (
    <Panel testId="import-export" title="Import and export">
      <div style={muted}>The roadmap as a table: one row per initiative, with the columns of the technical-roadmap template first.</div>
      <ExportTools revision={view.revision} />
      {canEdit ? <ImportTools view={view} /> : null}
    </Panel>
  );
}
