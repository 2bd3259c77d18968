/** The issue panel's link and unlink forms: their drafts, checked with the resolvers' own schemas, and what the answer changes in the panel. */
import { QueryClient } from '@tanstack/react-query';
import { type EpicContext, linkEpicPayload, unlinkEpicPayload } from '../../../src/domain/api';
import { epicState } from '../../../static/src/issue-panel/epic-store';
import {
  CHOOSE_INITIATIVE,
  linkValues,
  optionLabel,
  showEpicAnswer,
  stillOffered,
  toLinkDraft,
  toUnlinkDraft,
  unlinkValues,
} from '../../../static/src/issue-panel/link-model';
import { call } from '../../../static/src/shared/client';
import { QUERY_KEYS } from '../../../static/src/shared/data/keys';
import { checkDraft } from '../../../static/src/shared/form/payload-check';

// The panel's store asks the resolvers through the bridge client: here it answers what each test says.
jest.mock('../../../static/src/shared/client', () => ({ call: jest.fn() }));
const callMock = call as jest.MockedFunction<typeof call>;

const option = { id: 'I-2', title: 'Centralize logging', phaseName: 'Foundation', horizon: 'now' as const };

describe('the link form', () => {
  it('reads each initiative as "Title — Phase · Horizon"', () => {
    expect(optionLabel(option)).toBe('Centralize logging — Foundation · Now');
    expect(optionLabel({ ...option, phaseName: ' ' })).toBe('Centralize logging — Now');
  });

  it('says "Choose an initiative" beside the picker while none is chosen', () => {
    const draft = toLinkDraft(linkValues(), 7);
    expect(checkDraft(linkEpicPayload, draft, ['initiativeId'])).toEqual({ byField: { initiativeId: CHOOSE_INITIATIVE }, formLevel: [] });
  });

  it('sends the chosen initiative against the revision the panel loaded', () => {
    const draft = toLinkDraft({ initiativeId: 'I-2' }, 7);
    expect(draft).toEqual({ payload: { baseRevision: 7, initiativeId: 'I-2' } });
    expect(checkDraft(linkEpicPayload, draft, ['initiativeId'])).toBeNull();
  });

  it('drops a choice that is no longer offered', () => {
    expect(stillOffered('', [])).toBe(true);
    expect(stillOffered('I-2', [option])).toBe(true);
    expect(stillOffered('I-3', [option])).toBe(false);
  });
});

describe('the unlink form', () => {
  it('leaves a blank reason out, and names the roadmap', () => {
    expect(toUnlinkDraft(unlinkValues(), 4, 'P-1').payload).toEqual({ baseRevision: 4, projectId: 'P-1' });
    expect(toUnlinkDraft({ reason: '   ' }, 4).payload).toEqual({ baseRevision: 4 });
    expect(toUnlinkDraft({ reason: 'Split into two epics' }, 4, 'P-1').payload).toEqual({ baseRevision: 4, projectId: 'P-1', reason: 'Split into two epics' });
  });

  it("puts the schema's message for a reason that is too long beside the reason", () => {
    const found = checkDraft(unlinkEpicPayload, toUnlinkDraft({ reason: 'x'.repeat(501) }, 4, '10000'), ['reason']);
    expect(Object.keys(found?.byField ?? {})).toEqual(['reason']);
    expect(found?.formLevel).toEqual([]);
  });
});

describe('a link or unlink answer in the panel', () => {
  const context = { links: [], linking: null } as unknown as EpicContext;
  it('shows the epic the answer carries without asking again, and keeps no roadmap view in the forms’ cache', () => {
    callMock.mockClear();
    const client = new QueryClient();
    client.setQueryData(QUERY_KEYS.view, { revision: 3 });
    showEpicAnswer(client, { revision: 4, change: {}, view: { revision: 4 }, epicContext: context });
    expect(epicState()).toEqual({ context, error: null, reloading: false });
    expect(callMock).not.toHaveBeenCalled();
    expect(client.getQueryData(QUERY_KEYS.view)).toBeUndefined();
  });

  it('asks again for the epic when the answer could not carry it, showing the last one meanwhile', async () => {
    const fresh = { links: [], linking: null, via: null } as unknown as EpicContext;
    let answer: (value: Awaited<ReturnType<typeof call>>) => void = () => undefined;
    callMock.mockReset().mockReturnValue(new Promise((resolve) => (answer = resolve)));
    showEpicAnswer(new QueryClient(), { revision: 4, change: {}, epicContext: null });
    expect(callMock).toHaveBeenCalledWith('getEpicContext', {});
    expect(epicState()).toEqual({ context, error: null, reloading: true });
    answer({ ok: true, value: fresh });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(epicState()).toEqual({ context: fresh, error: null, reloading: false });
  });
});
