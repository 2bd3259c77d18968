import Button from '@atlaskit/button/new';
import SectionMessage from '@atlaskit/section-message';
import { useQueryClient } from '@tanstack/react-query';
import { QUERY_KEYS } from './data/keys';

/** A part of a paged roadmap could not be loaded: what is shown, why, and the way to load it all again. */
export function ViewLoadingFailed({ shown, message }: { shown: string; message: string }) {
  const client = useQueryClient();
  return (
    <SectionMessage appearance="warning" title="Only part of the roadmap could be loaded" testId="view-loading-failed">
      <p>
        {shown} {message}
      </p>
      <Button onClick={() => void client.invalidateQueries({ queryKey: QUERY_KEYS.view })}>Load the roadmap again</Button>
    </SectionMessage>
  );
}
