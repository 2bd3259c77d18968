import { token } from '@atlaskit/tokens';
import { type MouseEvent, useEffect, useState } from 'react';
import { openRoadmapInJira, roadmapUrl } from './roadmap-link';

/*
 * The product's URL for each roadmap location, asked once per frame: a location's URL does not change while the frame
 * lives. A plain cache rather than the query cache, so the issue panel (which has none) can show the link too.
 */
const urls = new Map<string, Promise<string | null>>();
const urlOf = (projectKey: string, path: string) => {
  const key = JSON.stringify([projectKey, path]);
  let url = urls.get(key);
  if (!url) {
    url = roadmapUrl(projectKey, path);
    urls.set(key, url);
  }
  return url;
};

/** A link to the roadmap in Jira: a real href where the product gives one, opened through the bridge in a new tab. */
export function OpenInJira({ projectKey, path = '/', children = 'Open in Jira' }: { projectKey: string; path?: string; children?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void urlOf(projectKey, path).then((found) => {
      if (live) setUrl(found);
    });
    return () => {
      live = false;
    };
  }, [projectKey, path]);
  const open = (event: MouseEvent) => {
    event.preventDefault();
    void openRoadmapInJira(projectKey, path);
  };
  return (
    <a data-testid="open-in-jira" href={url ?? '#'} onClick={open} target="_blank" rel="noreferrer" style={{ color: token('color.link') }}>
      {children}
    </a>
  );
}
