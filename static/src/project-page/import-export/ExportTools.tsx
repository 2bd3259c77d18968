import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { ExportResult } from '../../../../src/domain/api';
import { call } from '../../shared/client';
import { ErrorMessage, muted } from '../../shared/components';
import { apiErrorOf, unwrap } from '../../shared/data/query-client';
import { Field } from '../../shared/fields';
import { PanelSection } from '../../shared/panel';
import { TextArea } from '../../shared/text-area';
import { downloadExport } from './import-model';

type Format = 'csv' | 'markdown';

/**
 * Export as CSV or Markdown (exportRoadmap, open to everyone who can see the roadmap): the file is downloaded, and
 * the Markdown is also shown to copy into a Confluence page or a pull request.
 */
export function ExportTools({ revision }: { revision: number }) {
  const [last, setLast] = useState<{ format: Format; file: ExportResult } | null>(null);
  const [markdown, setMarkdown] = useState<{ content: string; revision: number } | null>(null);
  // A read, not a write: the cache keeps nothing of it, so it is a mutation (one request per click) rather than a query.
  const exporter = useMutation({
    mutationFn: async ({ format }: { format: Format; revision: number }) => unwrap(await call('exportRoadmap', { format })),
    onSuccess: (file, asked) => {
      setLast({ format: asked.format, file });
      if (asked.format === 'markdown') setMarkdown({ content: file.content, revision: asked.revision });
      try {
        downloadExport(file);
      } catch {
        // The text is on screen to copy when a browser refuses the download.
      }
    },
  });
  const busy = exporter.isPending ? exporter.variables.format : null;
  const error = exporter.isError ? apiErrorOf(exporter.error) : null;
  const exportAs = (format: Format) => {
    if (!busy) exporter.mutate({ format, revision });
  };

  const exportHelp =
    markdown && markdown.revision < revision
      ? 'The roadmap has changed since this export: export again for the current table.'
      : 'Markdown: paste it into a Confluence page, a README or a pull request. Import reads it back.';
  return (
    <PanelSection testId="export" title="Export">
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100') }}>
        <Button onClick={() => exportAs('csv')} isLoading={busy === 'csv'} isDisabled={busy !== null && busy !== 'csv'}>
          Export CSV
        </Button>
        <Button onClick={() => exportAs('markdown')} isLoading={busy === 'markdown'} isDisabled={busy !== null && busy !== 'markdown'}>
          Export Markdown
        </Button>
      </div>
      {error ? <ErrorMessage error={error} title="Couldn't export the roadmap" /> : null}
      {last ? (
        <div data-testid="export-downloaded" role="status" style={muted}>
          Downloaded {last.file.filename}.
        </div>
      ) : null}
      {markdown ? (
        <Field id="exported-table" label="Exported table" help={exportHelp}>
          <TextArea id="exported-table" value={markdown.content} readOnly monospace rows={8} help={exportHelp} />
        </Field>
      ) : null}
    </PanelSection>
  );
}
