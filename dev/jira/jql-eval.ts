/**
 * Gives the JQL AST meaning against the fake's data, as seen by one caller: values are resolved up front (an unknown or
 * invisible project/issue type/issue key is a 400, as in Jira), then each issue is tested and the result sorted.
 */
import { JqlError, type JqlNode, type JqlQuery, type JqlValue } from './jql';
import type { JiraData, JiraIssueRecord, StatusCategoryKey } from './model';
import { ISSUE_TYPES, STATUS_CATEGORIES, STATUSES } from './model';
import { type Caller, canBrowse, canSeeIssue } from './permissions';

type Predicate = (i: JiraIssueRecord) => boolean;

interface Ctx {
  data: JiraData;
  caller: Caller;
  /** Issues by id and by key, built on first use. */
  index?: Map<string, JiraIssueRecord>;
}

const FIELD_ALIASES: Record<string, string> = {
  type: 'issuetype',
  issuekey: 'key',
  issue: 'key',
  id: 'key',
  statuscategory: 'statuscategory',
  createddate: 'created',
  updateddate: 'updated',
};

function canonical(field: string, data: JiraData): string {
  const spNumeric = data.storyPointsFieldId.replace('customfield_', '');
  if (field === `cf[${spNumeric}]` || field === 'story point estimate' || field === data.storyPointsFieldId) return 'storypoints';
  if (field === 'cf[10019]' || field === 'customfield_10019') return 'rank';
  return FIELD_ALIASES[field] ?? field;
}

function noSuchField(field: string): JqlError {
  return new JqlError(`Field '${field}' does not exist or you do not have permission to view it.`);
}

function literalTexts(field: string, values: JqlValue[]): string[] {
  return values.map((v) => {
    if (v.kind === 'literal') return v.text;
    if (v.kind === 'function') throw new JqlError(`Unable to find JQL function '${v.name}()'.`);
    throw new JqlError(`The operator 'IN' does not support the EMPTY value for field '${field}'.`);
  });
}

/** Builds a predicate for =, !=, in, not in over a resolved set of comparable ids. */
function membership(op: string, field: string, wanted: Set<string>, get: (i: JiraIssueRecord) => string | undefined): Predicate {
  switch (op) {
    case '=':
    case 'in':
      return (i) => {
        const v = get(i);
        return v !== undefined && wanted.has(v);
      };
    case '!=':
    case 'not in':
      return (i) => {
        const v = get(i);
        return v !== undefined && !wanted.has(v);
      };
    default:
      throw new JqlError(`The operator '${op.toUpperCase()}' is not supported by the '${field}' field.`);
  }
}

function visibleIssue(ctx: Ctx, text: string): JiraIssueRecord | undefined {
  // One index per query, so a long `key in (…)` over thousands of issues stays linear.
  if (!ctx.index) {
    ctx.index = new Map();
    for (const x of ctx.data.issues) ctx.index.set(x.id, x).set(x.key, x);
  }
  const i = ctx.index.get(text) ?? ctx.index.get(text.toUpperCase());
  return i && canSeeIssue(ctx.data, ctx.caller, i) ? i : undefined;
}

/** Issue references: keys must exist and be visible (else 400, like Jira); unknown numeric ids simply match nothing. */
function resolveIssueIds(ctx: Ctx, field: string, values: JqlValue[]): Set<string> {
  const ids = new Set<string>();
  for (const text of literalTexts(field, values)) {
    // A numeric id is taken as is, seen or not (it only matches issues the caller may see); keys must resolve.
    if (/^\d+$/.test(text)) {
      ids.add(text);
      continue;
    }
    const issue = visibleIssue(ctx, text);
    if (issue) ids.add(issue.id);
    else throw new JqlError(`An issue with key '${text.toUpperCase()}' does not exist for field '${field}'.`);
  }
  return ids;
}

function textContains(op: string, field: string, values: JqlValue[], get: (i: JiraIssueRecord) => string): Predicate {
  if (op !== '~' && op !== '!~') throw new JqlError(`The operator '${op.toUpperCase()}' is not supported by the '${field}' field.`);
  const [needle] = literalTexts(field, values);
  const terms = needle.toLowerCase().replace(/[*?]/g, '').split(/\s+/).filter(Boolean);
  const hit = (i: JiraIssueRecord) => {
    const hay = get(i).toLowerCase();
    return terms.every((t) => hay.includes(t));
  };
  return op === '~' ? hit : (i) => !hit(i);
}

function userClause(ctx: Ctx, field: string, op: string, values: JqlValue[], get: (i: JiraIssueRecord) => string | null | undefined): Predicate {
  if (op === 'is') return (i) => !get(i);
  if (op === 'is not') return (i) => !!get(i);
  const ids = new Set(
    values.map((v) => {
      if (v.kind === 'function' && v.name === 'currentuser') {
        if (ctx.caller === null) throw new JqlError("Function 'currentUser' cannot be used by an app user.");
        return ctx.caller;
      }
      if (v.kind === 'literal') {
        const u = ctx.data.users.find((x) => x.accountId === v.text);
        if (!u) throw new JqlError(`The value '${v.text}' does not exist for the field '${field}'.`);
        return u.accountId;
      }
      if (v.kind === 'function') throw new JqlError(`Unable to find JQL function '${v.name}()'.`);
      throw new JqlError(`The operator '${op.toUpperCase()}' does not support the EMPTY value for field '${field}'.`);
    }),
  );
  return membership(op, field, ids, (i) => get(i) ?? '\u0000none');
}

function clausePredicate(ctx: Ctx, node: Extract<JqlNode, { type: 'clause' }>): Predicate {
  const { data } = ctx;
  const field = canonical(node.field, data);
  const { op, values } = node;
  switch (field) {
    case 'project': {
      const ids = new Set(
        literalTexts(node.field, values).map((text) => {
          const p = data.projects.find((x) => x.id === text || x.key.toLowerCase() === text.toLowerCase() || x.name.toLowerCase() === text.toLowerCase());
          if (!p || !canBrowse(data, ctx.caller, p.id)) throw new JqlError(`The value '${text}' does not exist for the field 'project'.`);
          return p.id;
        }),
      );
      return membership(op, 'project', ids, (i) => i.projectId);
    }
    case 'issuetype': {
      const names = new Set(
        literalTexts(node.field, values).map((text) => {
          const t = Object.values(ISSUE_TYPES).find(
            (x) => x.id === text || x.name.toLowerCase() === text.toLowerCase() || (text.toLowerCase() === 'sub-task' && x.subtask),
          );
          if (!t) throw new JqlError(`The value '${text}' does not exist for the field 'issuetype'.`);
          return t.name;
        }),
      );
      return membership(op, 'issuetype', names, (i) => i.issueType);
    }
    case 'parent': {
      if (op === 'is') return (i) => !i.parentId;
      if (op === 'is not') return (i) => !!i.parentId;
      return membership(op, 'parent', resolveIssueIds(ctx, 'parent', values), (i) => i.parentId);
    }
    case 'key':
      return membership(op, node.field, resolveIssueIds(ctx, node.field, values), (i) => i.id);
    case 'text':
      return textContains(op, 'text', values, (i) => `${i.summary}\n${i.description ?? ''}`);
    case 'summary':
      return textContains(op, 'summary', values, (i) => i.summary);
    case 'description':
      return textContains(op, 'description', values, (i) => i.description ?? '');
    case 'status': {
      const cats = new Set(
        literalTexts('status', values).map((text) => {
          const hit = (Object.keys(STATUSES) as StatusCategoryKey[]).find(
            (k) => STATUSES[k].id === text || STATUSES[k].name.toLowerCase() === text.toLowerCase(),
          );
          if (!hit) throw new JqlError(`The value '${text}' does not exist for the field 'status'.`);
          return hit;
        }),
      );
      return membership(op, 'status', cats, (i) => i.statusCategory);
    }
    case 'statuscategory': {
      const cats = new Set(
        literalTexts('statusCategory', values).map((text) => {
          const hit = Object.values(STATUS_CATEGORIES).find(
            (c) => String(c.id) === text || c.key === text.toLowerCase() || c.name.toLowerCase() === text.toLowerCase(),
          );
          if (!hit) throw new JqlError(`The value '${text}' does not exist for the field 'statusCategory'.`);
          return hit.key;
        }),
      );
      return membership(op, 'statusCategory', cats, (i) => i.statusCategory);
    }
    case 'assignee':
      return userClause(ctx, 'assignee', op, values, (i) => i.assigneeAccountId);
    case 'reporter':
      return userClause(ctx, 'reporter', op, values, (i) => i.reporterAccountId);
    case 'labels': {
      if (op === 'is') return (i) => (i.labels ?? []).length === 0;
      if (op === 'is not') return (i) => (i.labels ?? []).length > 0;
      const wanted = new Set(literalTexts('labels', values));
      if (op === '=' || op === 'in') return (i) => (i.labels ?? []).some((l) => wanted.has(l));
      if (op === '!=' || op === 'not in') return (i) => !(i.labels ?? []).some((l) => wanted.has(l));
      throw new JqlError(`The operator '${op.toUpperCase()}' is not supported by the 'labels' field.`);
    }
    default:
      throw noSuchField(node.field);
  }
}

function compile(ctx: Ctx, node: JqlNode): Predicate {
  switch (node.type) {
    case 'clause':
      return clausePredicate(ctx, node);
    case 'and': {
      const ps = node.children.map((c) => compile(ctx, c));
      return (i) => ps.every((p) => p(i));
    }
    case 'or': {
      const ps = node.children.map((c) => compile(ctx, c));
      return (i) => ps.some((p) => p(i));
    }
    case 'not': {
      const p = compile(ctx, node.child);
      return (i) => !p(i);
    }
  }
}

function keyParts(key: string): [string, number] {
  const dash = key.lastIndexOf('-');
  return [key.slice(0, dash), Number(key.slice(dash + 1))];
}

type Comparator = (a: JiraIssueRecord, b: JiraIssueRecord) => number;

function sortComparator(data: JiraData, field: string): Comparator {
  const cmp = <T extends string | number>(x: T, y: T) => (x < y ? -1 : x > y ? 1 : 0);
  switch (canonical(field, data)) {
    case 'key':
      return (a, b) => {
        const [pa, na] = keyParts(a.key);
        const [pb, nb] = keyParts(b.key);
        return cmp(pa, pb) || cmp(na, nb);
      };
    case 'created':
      return (a, b) => cmp(a.created, b.created);
    case 'updated':
      return (a, b) => cmp(a.updated, b.updated);
    case 'summary':
      return (a, b) => cmp(a.summary.toLowerCase(), b.summary.toLowerCase());
    case 'rank':
      return (a, b) => cmp(a.rank, b.rank);
    case 'project':
      return (a, b) => cmp(a.projectId, b.projectId);
    case 'issuetype':
      return (a, b) => cmp(ISSUE_TYPES[a.issueType].hierarchyLevel, ISSUE_TYPES[b.issueType].hierarchyLevel);
    case 'status':
    case 'statuscategory': {
      const order: Record<StatusCategoryKey, number> = { new: 0, indeterminate: 1, done: 2 };
      return (a, b) => cmp(order[a.statusCategory], order[b.statusCategory]);
    }
    case 'storypoints':
      return (a, b) => cmp(a.storyPoints ?? -Infinity, b.storyPoints ?? -Infinity);
    case 'text':
    case 'description':
    case 'parent':
      throw new JqlError(`Not able to sort using field '${field}'.`);
    default:
      throw noSuchField(field);
  }
}

/** Evaluates a parsed query for one caller over the issues they may browse. Requires a search restriction. */
export function runJql(data: JiraData, caller: Caller, query: JqlQuery): JiraIssueRecord[] {
  if (!query.where) throw new JqlError('Unbounded JQL queries are not allowed here. Please add a search restriction to your query.');
  const ctx: Ctx = { data, caller };
  const predicate = compile(ctx, query.where);
  const sorts = query.orderBy.length > 0 ? query.orderBy : [{ field: 'created', direction: 'DESC' as const }];
  const comparators = sorts.map((s) => {
    const c = sortComparator(data, s.field);
    return s.direction === 'DESC' ? (a: JiraIssueRecord, b: JiraIssueRecord) => -c(a, b) : c;
  });
  const byId: Comparator = (a, b) => Number(b.id) - Number(a.id);
  return data.issues
    .filter((i) => canSeeIssue(data, caller, i) && predicate(i))
    .sort((a, b) => {
      for (const c of comparators) {
        const r = c(a, b);
        if (r !== 0) return r;
      }
      return byId(a, b);
    });
}
