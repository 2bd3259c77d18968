/** Jira's permission catalogue (the subset the fake knows) and who holds what. */
import type { JiraData, JiraIssueRecord } from './model';

export interface PermissionDef {
  id: string;
  key: string;
  name: string;
  type: 'GLOBAL' | 'PROJECT';
  description: string;
}

const defs: PermissionDef[] = [
  {
    id: '0',
    key: 'ADMINISTER',
    name: 'Administer Jira',
    type: 'GLOBAL',
    description:
      'Create and administer projects, issue types, fields, workflows, and schemes for all projects. Users with this permission can perform most administration tasks, except: managing users, importing data, and editing system email settings.',
  },
  {
    id: '27',
    key: 'USER_PICKER',
    name: 'Browse users and groups',
    type: 'GLOBAL',
    description:
      'View and select users or groups from the user picker, and share issues. Users with this permission can see the names of all users and groups on your site.',
  },
  {
    id: '22',
    key: 'CREATE_SHARED_OBJECTS',
    name: 'Share dashboards and filters',
    type: 'GLOBAL',
    description: 'Share dashboards and filters with other users.',
  },
  { id: '10', key: 'BROWSE_PROJECTS', name: 'Browse Projects', type: 'PROJECT', description: 'Ability to browse projects and the issues within them.' },
  { id: '23', key: 'ADMINISTER_PROJECTS', name: 'Administer Projects', type: 'PROJECT', description: 'Ability to administer a project in Jira.' },
  { id: '11', key: 'CREATE_ISSUES', name: 'Create Issues', type: 'PROJECT', description: 'Ability to create issues.' },
  { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.' },
  { id: '13', key: 'ASSIGN_ISSUES', name: 'Assign Issues', type: 'PROJECT', description: 'Ability to assign issues to other people.' },
  { id: '17', key: 'ASSIGNABLE_USER', name: 'Assignable User', type: 'PROJECT', description: 'Users with this permission may be assigned to issues.' },
  {
    id: '14',
    key: 'RESOLVE_ISSUES',
    name: 'Resolve Issues',
    type: 'PROJECT',
    description: 'Ability to resolve and reopen issues. This includes the ability to set a fix version.',
  },
  {
    id: '18',
    key: 'CLOSE_ISSUES',
    name: 'Close Issues',
    type: 'PROJECT',
    description: 'Ability to close issues. Often useful where your developers resolve issues, and a QA department closes them.',
  },
  { id: '46', key: 'TRANSITION_ISSUES', name: 'Transition Issues', type: 'PROJECT', description: 'Ability to transition issues.' },
  { id: '16', key: 'DELETE_ISSUES', name: 'Delete Issues', type: 'PROJECT', description: 'Ability to delete issues.' },
  { id: '15', key: 'ADD_COMMENTS', name: 'Add Comments', type: 'PROJECT', description: 'Ability to comment on issues.' },
  {
    id: '21',
    key: 'LINK_ISSUES',
    name: 'Link Issues',
    type: 'PROJECT',
    description: 'Ability to link issues together and create linked issues. Only useful if issue linking is turned on.',
  },
  { id: '28', key: 'SCHEDULE_ISSUES', name: 'Schedule Issues', type: 'PROJECT', description: 'Ability to set and edit due dates.' },
  {
    id: '20',
    key: 'WORK_ON_ISSUES',
    name: 'Work On Issues',
    type: 'PROJECT',
    description: 'Ability to log work done against an issue. Only useful if Time Tracking is turned on.',
  },
  {
    id: '29',
    key: 'VIEW_DEV_TOOLS',
    name: 'View Development Tools',
    type: 'PROJECT',
    description: 'Allows users in a software project to view development-related information on the issue, such as commits, reviews and build information.',
  },
];

export const PERMISSIONS: ReadonlyMap<string, PermissionDef> = new Map(defs.map((d) => [d.key, d]));

/** Every project permission key, e.g. for the app user or an admin grant. */
export const ALL_PROJECT_PERMISSIONS: readonly string[] = defs.filter((d) => d.type === 'PROJECT').map((d) => d.key);

/** accountId null = the app itself, which this fake lets see and do everything. */
export type Caller = string | null;

export function hasProjectPermission(data: JiraData, caller: Caller, projectId: string, key: string): boolean {
  if (caller === null) return true;
  return (data.grants[caller]?.[projectId] ?? []).includes(key);
}

export function hasGlobalPermission(data: JiraData, caller: Caller, key: string): boolean {
  if (caller === null) return true;
  return (data.globalGrants[caller] ?? []).includes(key);
}

export function canBrowse(data: JiraData, caller: Caller, projectId: string): boolean {
  return hasProjectPermission(data, caller, projectId, 'BROWSE_PROJECTS');
}

/** Browse on the issue's project, and membership of its security level when it has one (`viewers`). */
export function canSeeIssue(data: JiraData, caller: Caller, issue: JiraIssueRecord): boolean {
  if (!canBrowse(data, caller, issue.projectId)) return false;
  return caller === null || issue.viewers === undefined || issue.viewers.includes(caller);
}

/**
 * Jira's rule for mypermissions: with a project in context, project permissions are checked in that project;
 * without one, a project permission is "held" when the caller holds it in at least one project.
 */
export function havePermission(data: JiraData, caller: Caller, def: PermissionDef, projectId: string | undefined): boolean {
  if (def.type === 'GLOBAL') return hasGlobalPermission(data, caller, def.key);
  if (projectId !== undefined) return hasProjectPermission(data, caller, projectId, def.key);
  return data.projects.some((p) => hasProjectPermission(data, caller, p.id, def.key));
}
