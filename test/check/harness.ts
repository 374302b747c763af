/**
 * Rule tests as tables, like textlint's: `valid` cases must give no finding of the rule, `invalid`
 * cases list the findings they must give (severity, words of the message, articles involved).
 */
import { describe, expect, it } from 'vitest';
import { checkClaims } from '../../src/check/index.js';
import type { Claim, Finding, Severity, Source } from '../../src/store/schema.js';
import { extractClaims } from '../../src/extract/index.js';
import { readText } from '../../src/ingest/text.js';
import { article, articlesFor, type ArticleOverrides } from './factory.js';

export interface Case {
  name: string;
  claims: Claim[];
  articles?: Record<string, ArticleOverrides>;
  sources?: Source[];
}

export interface Expected {
  severity?: Severity;
  /** Words the message must contain. */
  message?: Array<string | RegExp>;
  /** Article ids the finding must involve (exactly). */
  articles?: string[];
  /** Claim ids the finding must involve (at least). */
  claims?: string[];
}

export interface InvalidCase extends Case {
  errors: Expected[];
}

/** Run one rule (through the whole check) on a case. */
export function runRule(rule: string, c: Case): Finding[] {
  const { findings } = checkClaims({ articles: articlesFor(c.claims, c.articles), claims: c.claims, sources: c.sources ?? [], rules: [rule] });
  return findings.filter((f) => f.rule === rule);
}

/** The table of a rule: `valid` cases give nothing, `invalid` cases give exactly the listed findings. */
export function ruleTable(rule: string, table: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule, () => {
    describe('valid', () => {
      it.each(table.valid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        expect(runRule(rule, c).map((f) => f.message)).toEqual([]);
      });
    });
    describe('invalid', () => {
      it.each(table.invalid.map((c) => [c.name, c] as const))('%s', (_name, c) => {
        const found = runRule(rule, c);
        expect(found.map((f) => f.message)).toHaveLength(c.errors.length);
        c.errors.forEach((e, i) => {
          const f = found[i];
          if (e.severity) expect(f.severity, f.message).toBe(e.severity);
          for (const m of e.message ?? []) {
            if (typeof m === 'string') expect(f.message).toContain(m);
            else expect(f.message).toMatch(m);
          }
          if (e.articles) expect([...f.articles].sort()).toEqual([...e.articles].sort());
          for (const id of e.claims ?? []) expect(f.claims).toContain(id);
        });
      });
    });
  });
}

/**
 * Run one rule on short real-text articles ("Headline\n\nBody…"), read and extracted as the CLI
 * would: article ids are the keys, each published on `published` unless `dates` says otherwise.
 */
export function runOnTexts(rule: string, texts: Record<string, string>, published: string, dates: Record<string, string> = {}): { findings: Finding[]; claims: Claim[] } {
  const claims = Object.entries(texts).flatMap(([id, text]) => extractClaims(readText(`${id}.txt`, text), { articleId: id, published: dates[id] ?? published }));
  const records = Object.keys(texts).map((id) => article(id, { published: dates[id] ?? published }));
  const { findings } = checkClaims({ articles: records, claims, sources: [], rules: [rule] });
  return { findings: findings.filter((f) => f.rule === rule), claims };
}
