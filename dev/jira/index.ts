export { JiraFake, type JiraFakeOptions, type NewIssue } from './jira-fake';
export { DEMO_APP_USER, DEMO_BASE_URL, DEMO_EPICS, DEMO_PROJECTS, DEMO_USERS, STORY_POINTS_FIELD_ID, demoJiraData, type DemoEpic } from './demo-data';
export type { JiraData, JiraIssueRecord, JiraProjectRecord, JiraUserRecord, StatusCategoryKey, IssueTypeName } from './model';
