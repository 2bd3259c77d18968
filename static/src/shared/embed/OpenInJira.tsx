import { token } from '@atlaskit/tokens';
import { useQuery } from '@tanstack/react-query';
import type { MouseEvent } from 'react';
import { openRoadmapInJira, roadmapUrl } from './roadmap-link';

/** A link to the roadmap in Jira: a real href where the product gives one, opened through the bridge in a new tab. */
export function OpenInJira({ projectKey, path = '/', children = 'Open in Jira' }: { projectKey: string; path?: string; children?: string }) {
  const url = useQuery({ queryKey: ['roadmap-url', projectKey, path], queryFn: () => roadmapUrl(projectKey, path), staleTime: Infinity });
  const open = (event: MouseEvent) => {
    event.preventDefault();
    void openRoadmapInJira(projectKey, path);
  };
  return (
    <a data-testid="open-in-jira" href={url.data ?? '#'} onClick={open} target="_blank" rel="noreferrer" style={{ color: token('color.link') }}>
      {children}
    </a>
  );
}
