import { mountFrame } from '../shared/mount-frame';
import { IssuePanel } from './IssuePanel';

// No query cache: the panel keeps its one answer itself (epic-store.ts); its forms bring theirs.
mountFrame(<IssuePanel />);
