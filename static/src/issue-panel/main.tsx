import { mount } from '../shared/mount';
import { IssuePanel } from './IssuePanel';

mount(<IssuePanel />);
