import { OpenInJira } from '../shared/embed/OpenInJira';

/**
 * "Open in roadmap": the initiative's card on its roadmap's board, through the Forge router (`router.open` to the
 * project page module at `/board?initiative=I-1`), wherever the panel shows.
 */
export function InitiativeLink({ projectKey, initiativeId }: { projectKey: string; initiativeId: string }) {
  return (
    <OpenInJira projectKey={projectKey} path={`/board?initiative=${encodeURIComponent(initiativeId)}`}>
      Open in roadmap
    </OpenInJira>
  );
}
