import { describe, expect, it } from 'vitest';
import { buildRows, buildRowsSliced } from '../../src/shared/rows';
import { SAMPLE_NOW, SAMPLE_SETTINGS, manyInterviews, sampleInterviews } from '../support/samples';

describe('list order', () => {
  it('puts open interviews by their next step, nothing pending last, and closed ones apart', () => {
    const { open, closed } = buildRows(sampleInterviews(), SAMPLE_SETTINGS, SAMPLE_NOW);
    expect(open.map((r) => r.interview.id)).toEqual(['wayne', 'umbrella', 'globex', 'acme', 'initech', 'stark']);
    expect(closed.map((r) => r.interview.id)).toEqual(['hooli']);
    const keys = open.map((r) => r.key);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });

  it('keeps a record that cannot be planned visible instead of failing the list', () => {
    const broken = { ...sampleInterviews()[0]!, id: 'broken', interviewAt: 'soon' };
    const { open } = buildRows([broken, ...sampleInterviews()], SAMPLE_SETTINGS, SAMPLE_NOW);
    expect(open.at(-1)).toMatchObject({ broken: true, interview: { id: 'broken' } });
  });

  it('computes the same rows in slices as in one go', async () => {
    const interviews = manyInterviews(600);
    const whole = buildRows(interviews.map((i) => ({ ...i })), SAMPLE_SETTINGS, SAMPLE_NOW);
    const sliced = await new Promise<ReturnType<typeof buildRows>>((resolve) => buildRowsSliced(interviews, SAMPLE_SETTINGS, SAMPLE_NOW, resolve, 1));
    const ids = (r: typeof whole) => [r.open.map((x) => x.interview.id), r.closed.map((x) => x.interview.id)];
    expect(ids(sliced)).toEqual(ids(whole));
  });

  it('can be cancelled', async () => {
    let called = false;
    const cancel = buildRowsSliced(manyInterviews(50), SAMPLE_SETTINGS, SAMPLE_NOW, () => (called = true), 0.01);
    cancel();
    await new Promise((r) => setTimeout(r, 300));
    expect(called).toBe(false);
    // Not cancelled, the same work finishes well within that time.
    await new Promise<void>((resolve) => buildRowsSliced(manyInterviews(50), SAMPLE_SETTINGS, SAMPLE_NOW, () => resolve(), 0.01));
  });
});
