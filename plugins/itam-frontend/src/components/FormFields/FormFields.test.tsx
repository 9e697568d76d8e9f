import { useState } from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/test-utils';
import { issuesByPath, SelectInput, TextInput } from './FormFields';

function Fields(props: { textError?: string; selectError?: string }) {
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  return (
    <>
      <TextInput name="tag" label="Asset tag" value={text} onChange={setText} error={props.textError} />
      <SelectInput
        name="assetClass"
        label="Class"
        value={choice}
        onChange={setChoice}
        options={[{ id: 'cloud', label: 'Cloud' }]}
        error={props.selectError}
      />
      <output>{choice}</output>
    </>
  );
}

describe('FormFields', () => {
  it('shows each field message under its field and marks the field invalid', async () => {
    await renderInTestApp(<Fields textError="must not be empty" selectError="is required" />);
    const tag = screen.getByRole('textbox', { name: 'Asset tag' });
    expect(tag).toHaveAttribute('aria-invalid', 'true');
    expect(tag).toHaveAccessibleDescription('must not be empty');
    expect(screen.getByText('is required')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Class/ })).toHaveAccessibleDescription(/is required/);
  });

  it('shows no message and no invalid mark without an error', async () => {
    await renderInTestApp(<Fields />);
    expect(screen.getByRole('textbox', { name: 'Asset tag' })).not.toHaveAttribute('aria-invalid');
  });

  it('passes the typed text and the chosen option on', async () => {
    await renderInTestApp(<Fields />);
    await userEvent.type(screen.getByRole('textbox', { name: 'Asset tag' }), 'LAP-1');
    expect(screen.getByRole('textbox', { name: 'Asset tag' })).toHaveValue('LAP-1');
    await userEvent.click(screen.getByRole('button', { name: /Class/ }));
    await userEvent.click(await screen.findByRole('option', { name: 'Cloud' }));
    expect(screen.getByRole('status')).toHaveTextContent('cloud');
  });

  it('keeps the first message of each field', () => {
    expect(
      issuesByPath([
        { path: 'date', message: 'must be a date formatted YYYY-MM-DD' },
        { path: 'date', message: 'must be a real calendar date' },
        { path: 'name', message: 'is required' },
      ]),
    ).toEqual({ date: 'must be a date formatted YYYY-MM-DD', name: 'is required' });
  });
});
