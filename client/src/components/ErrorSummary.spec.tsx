import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ErrorSummary } from './ErrorSummary';

describe('ErrorSummary', () => {
  it('renders nothing when there are no problems', () => {
    const { container } = render(<ErrorSummary items={[]} />);
    expect(container.innerHTML).toBe('');
  });

  it('takes focus, and a link moves focus to its field', () => {
    render(
      <>
        <ErrorSummary items={[{ text: 'Enter a name', href: '#name' }, { text: 'Something else' }]} />
        <label htmlFor="name">Name</label>
        <input id="name" />
      </>,
    );
    const summary = screen.getByRole('alert').parentElement;
    expect(document.activeElement).toBe(summary);
    expect(screen.getByText('Something else').tagName).toBe('LI');

    fireEvent.click(screen.getByRole('link', { name: 'Enter a name' }));
    expect(document.activeElement).toBe(screen.getByLabelText('Name'));
  });
});
