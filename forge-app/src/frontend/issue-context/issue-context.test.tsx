import { answerInvoke, findAll, render, textOf } from '../testing/fake-bridge';
import { IssueContext } from './issue-context';

describe('IssueContext', () => {
  it('shows a spinner while loading', async () => {
    answerInvoke(() => new Promise(() => undefined));
    await render(<IssueContext />);
    expect(findAll('Spinner')).toHaveLength(1);
  });

  it('explains an error', async () => {
    answerInvoke(() => ({ ok: false, error: { code: 'forbidden', message: 'You do not have permission to view this issue.' } }));
    await render(<IssueContext />);
    expect(textOf(findAll('SectionMessage')[0])).toBe('You do not have permission to view this issue.');
  });

  it('says when no assets are linked', async () => {
    answerInvoke(() => ({ ok: true, data: { count: 0 } }));
    await render(<IssueContext />);
    expect(textOf()).toBe('No linked assets.');
  });

  it('shows the asset count and the worst status', async () => {
    answerInvoke(() => ({ ok: true, data: { count: 3, worst: 'attention' } }));
    await render(<IssueContext />);
    expect(textOf(findAll('Text')[0])).toBe('3 linked assets');
    expect(findAll('Lozenge').map(l => [textOf(l), l.props.appearance])).toEqual([['Needs attention', 'moved']]);
  });
});
