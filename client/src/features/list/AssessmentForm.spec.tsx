import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { INDICATORS } from '@mase/shared';
import { AssessmentForm, answerId } from './AssessmentForm';

function renderForm(dateOfBirth = '2010-01-01') {
  const onSubmit = vi.fn(() => Promise.resolve());
  render(<AssessmentForm youngPersonId="yp1" dateOfBirth={dateOfBirth} busy={false} onSubmit={onSubmit} />);
  return onSubmit;
}

const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Record the screening' }));

describe('AssessmentForm', () => {
  it('names every unanswered indicator and sends nothing', () => {
    const onSubmit = renderForm();
    fireEvent.click(document.getElementById(answerId(INDICATORS[0].id)) as HTMLElement);
    submit();
    const summary = within(screen.getByRole('alert'));
    expect(summary.getAllByRole('link')).toHaveLength(INDICATORS.length);
    expect(summary.getByRole('link', { name: `Give the evidence for "${INDICATORS[0].label}"` })).toBeTruthy();
    expect(summary.getByRole('link', { name: `Answer "${INDICATORS[1].label}": present, not present or not known` })).toBeTruthy();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows the live score and sends every answer once all are given', { timeout: 30_000 }, () => {
    const onSubmit = renderForm();
    const panel = () => screen.getByTestId('computed-score');
    expect(within(panel()).getByText('0')).toBeTruthy();
    const level3 = INDICATORS.find((x) => x.level === 3);
    if (!level3) throw new Error('catalogue has a level-3 indicator');
    for (const x of INDICATORS) {
      const value = x.id === level3.id ? answerId(x.id) : `${answerId(x.id)}-not-present`;
      fireEvent.click(document.getElementById(value) as HTMLElement);
    }
    expect(within(panel()).getByText('3')).toBeTruthy();
    expect(within(panel()).getByText('Red')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(`Evidence for "${level3.label}"`), { target: { value: 'Reported by the school nurse' } });
    submit();
    expect(onSubmit).toHaveBeenCalledTimes(1);
    const calls = onSubmit.mock.calls as unknown as [{ answers: { indicatorId: string; answer: string; evidence: string | null }[]; finalScore: number | null }][];
    const input = calls[0][0];
    expect(input.answers).toHaveLength(INDICATORS.length);
    expect(input.answers.find((a) => a.indicatorId === level3.id)).toEqual({ indicatorId: level3.id, answer: 'PRESENT', evidence: 'Reported by the school nurse' });
    expect(input.finalScore).toBeNull();
  });

  it('never scores a child under 13 as 0', () => {
    renderForm('2020-01-01');
    expect(within(screen.getByTestId('computed-score')).getByText('1')).toBeTruthy();
  });
});
