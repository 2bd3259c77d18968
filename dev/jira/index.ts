export { DEMO_APP_USER, DEMO_BASE_URL, DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS, type DemoEpic, demoJiraData, STORY_POINTS_FIELD_ID } from './demo-data';
export { JiraFake, type JiraFakeOptions, type NewIssue } from './jira-fake';
export type { IssueTypeName, JiraData, JiraIssueRecord, JiraProjectRecord, JiraUserRecord, StatusCategoryKey } from './model';
