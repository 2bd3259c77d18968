/** The field catalogue (/rest/api/3/field) and the `fields=` selection rules of search and get-issue. */

export interface FieldDef {
  id: string;
  key: string;
  name: string;
  custom: boolean;
  orderable: boolean;
  navigable: boolean;
  searchable: boolean;
  clauseNames: string[];
  /** Absent for pseudo-fields such as issuekey, as in Jira. */
  schema?: { type: string; items?: string; system?: string; custom?: string; customId?: number };
}

function system(id: string, name: string, type: string, extra: Partial<FieldDef> & { items?: string } = {}): FieldDef {
  const { items, ...rest } = extra;
  return {
    id,
    key: id,
    name,
    custom: false,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [id],
    schema: items ? { type, items, system: id } : { type, system: id },
    ...rest,
  };
}

function custom(numericId: number, name: string, type: string, customType: string, clauseName: string): FieldDef {
  const id = `customfield_${numericId}`;
  return {
    id,
    key: id,
    name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${numericId}]`, clauseName, `${clauseName}[${type === 'number' ? 'Number' : 'Short text'}]`],
    schema: { type, custom: customType, customId: numericId },
  };
}

/** Builds the catalogue; the story-point field id comes from the data so tests can move it. */
export function fieldCatalogue(storyPointsFieldId: string): FieldDef[] {
  const spNumeric = Number(storyPointsFieldId.replace('customfield_', ''));
  return [
    system('summary', 'Summary', 'string'),
    system('description', 'Description', 'string'),
    system('status', 'Status', 'status'),
    system('issuetype', 'Issue Type', 'issuetype', { clauseNames: ['issuetype', 'type'] }),
    system('project', 'Project', 'project'),
    system('parent', 'Parent', 'issuelink', { orderable: false, clauseNames: ['parent'] }),
    system('assignee', 'Assignee', 'user'),
    system('reporter', 'Reporter', 'user'),
    system('created', 'Created', 'datetime', { clauseNames: ['created', 'createdDate'] }),
    system('updated', 'Updated', 'datetime', { clauseNames: ['updated', 'updatedDate'] }),
    system('priority', 'Priority', 'priority'),
    system('labels', 'Labels', 'array', { items: 'string' }),
    system('resolution', 'Resolution', 'resolution'),
    system('resolutiondate', 'Resolved', 'datetime', { clauseNames: ['resolutiondate', 'resolved'] }),
    system('subtasks', 'Sub-tasks', 'array', { items: 'issuelinks', orderable: false, searchable: false, clauseNames: ['subtasks'] }),
    {
      id: 'issuekey',
      key: 'issuekey',
      name: 'Key',
      custom: false,
      orderable: false,
      navigable: true,
      searchable: false,
      clauseNames: ['id', 'issue', 'issuekey', 'key'],
    },
    custom(spNumeric, 'Story point estimate', 'number', 'com.pyxis.greenhopper.jira:jsw-story-points', 'Story point estimate'),
    custom(10019, 'Rank', 'any', 'com.pyxis.greenhopper.jira:gh-lexo-rank', 'Rank'),
    custom(10015, 'Start date', 'date', 'com.atlassian.jira.plugin.system.customfieldtypes:datepicker', 'Start date'),
  ];
}

/** Field ids that may appear under an issue's `fields` (issuekey is a search clause, not a value). */
export function issueFieldIds(catalogue: FieldDef[]): { all: string[]; navigable: string[] } {
  const valued = catalogue.filter((f) => f.id !== 'issuekey');
  return { all: valued.map((f) => f.id), navigable: valued.filter((f) => f.navigable).map((f) => f.id) };
}

/**
 * Splits `fields` values (repeated params and/or comma lists) into tokens.
 * Returns the set of field ids to render; an empty set means "ids only".
 */
export function selectFields(requested: string[] | undefined, defaults: string[], catalogue: FieldDef[]): Set<string> {
  const tokens = (requested && requested.length > 0 ? requested : defaults)
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
  const { all, navigable } = issueFieldIds(catalogue);
  const selected = new Set<string>();
  const excluded = new Set<string>();
  for (const t of tokens) {
    if (t === '*all') all.forEach((f) => selected.add(f));
    else if (t === '*navigable') navigable.forEach((f) => selected.add(f));
    else if (t.startsWith('-')) excluded.add(t.slice(1));
    else if (t === 'id' || t === 'key')
      continue; // always present on the issue itself
    else if (all.includes(t)) selected.add(t);
    // Jira silently ignores unknown field names.
  }
  excluded.forEach((f) => selected.delete(f));
  return selected;
}

/** True when the request asked for nothing beyond `id` (search then answers `{ id }` only, as Jira does). */
export function idsOnly(requested: string[] | undefined): boolean {
  const tokens = (requested ?? [])
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter(Boolean);
  return tokens.length === 0 || tokens.every((t) => t === 'id');
}
