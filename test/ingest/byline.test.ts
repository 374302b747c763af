import { describe, expect, it } from 'vitest';
import { isBoilerplateLine, isCaptionText, outletOfTeam, parseByline, parseLabelLine, parseOutletCue } from '../../src/ingest/byline.js';

describe('parseByline', () => {
  const cases: { line: string; name: string | null; outlet?: string | null }[] = [
    { line: 'By Jane Doe', name: 'Jane Doe' },
    { line: 'BY JANE DOE', name: 'JANE DOE' },
    { line: 'By J. K. Rowling', name: 'J. K. Rowling' },
    { line: 'By Jane Doe, staff writer', name: 'Jane Doe' },
    { line: 'By Jane Doe, Reuters', name: 'Jane Doe' },
    { line: 'By Ursula von der Leyen', name: 'Ursula von der Leyen' },
    { line: 'By Reuters Staff', name: 'Reuters Staff', outlet: 'Reuters' },
    { line: 'By The Editorial Board', name: 'The Editorial Board', outlet: null },
    { line: 'Reporting by Li Wei; Editing by Tom Hogue', name: 'Li Wei' },
    { line: 'By the end of 2025, usage rose.', name: null },
    { line: 'By March, it had passed 140 trillion.', name: null },
    { line: 'By comparison, America uses less.', name: null },
    { line: 'By Reuters, the figure was 5.', name: null },
    { line: 'By 2030 the plan should be complete.', name: null },
  ];
  for (const c of cases) {
    it(c.line, () => {
      const b = parseByline(c.line);
      expect(b?.name ?? null).toBe(c.name);
      if (c.outlet !== undefined) expect(b?.outlet ?? null).toBe(c.outlet);
    });
  }
});

describe('parseLabelLine', () => {
  const cases: { line: string; expected: { label: string; field: string | null; value: string } | null }[] = [
    { line: 'Timestamp: March 23, 2026 at 03:50 PM', expected: { label: 'Timestamp', field: 'published', value: 'March 23, 2026 at 03:50 PM' } },
    { line: 'Published on: 24 March 2026', expected: { label: 'Published on', field: 'published', value: '24 March 2026' } },
    { line: 'Editor: Tom Litting', expected: { label: 'Editor', field: 'editor', value: 'Tom Litting' } },
    { line: 'Updated: March 25, 2026', expected: { label: 'Updated', field: null, value: 'March 25, 2026' } },
    { line: 'URL: https://example.com/a?b=1', expected: { label: 'URL', field: 'url', value: 'https://example.com/a?b=1' } },
    { line: 'Link: see below', expected: null },
    { line: 'Date: sometime soon', expected: null },
    { line: 'Author: the bureau said it would', expected: null },
    { line: 'Key use in this article: Confirms the sequence.', expected: null },
  ];
  for (const c of cases) {
    it(c.line, () => {
      expect(parseLabelLine(c.line)).toEqual(c.expected);
    });
  }
});

describe('parseOutletCue', () => {
  const cases: { line: string; outlet: string | null }[] = [
    { line: 'Related coverage on 1M Reviews', outlet: '1M Reviews' },
    { line: 'This article first appeared on The Conversation.', outlet: 'The Conversation' },
    { line: '© 2026 Yicai Global. All rights reserved.', outlet: 'Yicai Global' },
    { line: 'Copyright 2012 The Associated Press. All rights reserved.', outlet: 'The Associated Press' },
    { line: 'More from the bureau, which said usage rose by a third in a year.', outlet: null },
  ];
  for (const c of cases) {
    it(c.line, () => {
      expect(parseOutletCue(c.line)).toBe(c.outlet);
    });
  }
});

describe('page furniture and captions', () => {
  it('boilerplate lines are whole lines', () => {
    expect(isBoilerplateLine('Share this article')).toBe(true);
    expect(isBoilerplateLine('Share prices fell.')).toBe(false);
  });
  it('captions describe a picture', () => {
    expect(isCaptionText('AI inference pricing comparison bar chart showing 10-20x cost gap')).toBe(true);
    expect(isCaptionText('DeepSeek-V3.2 logo')).toBe(true);
    expect(isCaptionText('The Cost Moat: Why Token Volume Matters')).toBe(false);
  });
  it('team bylines name the outlet', () => {
    expect(outletOfTeam('China Made & Tech Team')).toBe('China Made & Tech');
    expect(outletOfTeam('Jane Doe')).toBeNull();
  });
});
