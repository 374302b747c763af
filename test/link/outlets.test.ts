import { describe, expect, it } from 'vitest';
import { hostOf, isVagueName, loadOutlets, parseOutlets, resolveOutlet, unknownOutlets } from '../../src/link/outlets.js';

describe('the shipped outlet registry', () => {
  const registry = loadOutlets();
  it('loads, with a kind and a note on every entry', () => {
    expect(registry.outlets.length).toBeGreaterThanOrEqual(40);
    for (const o of registry.outlets) expect(o.note.length).toBeGreaterThan(5);
  });

  const cases: Array<[string, string | null]> = [
    ['Reuters', 'reuters'],
    ['the Associated Press', 'associated-press'],
    ['AP', 'associated-press'],
    ['AFP', 'agence-france-presse'],
    ['Xinhua', 'xinhua-news-agency'],
    ['China News Service', 'china-news-service'],
    ['IT Home', 'it-home'],
    ['ITHome', 'it-home'],
    ['Tencent News', 'tencent-news'],
    ['Cailian Press', 'cailian-press'],
    ['SCMP', 'south-china-morning-post'],
    ['The New York Times', 'new-york-times'],
    ['Fox News', 'fox-news'],
    ['HuffPost', 'huffpost'],
    ["Reuters' Breakingviews", 'reuters-breakingviews'],
    ['https://www.chinanews.com.cn/cj/2026/03-23/10591500.shtml', 'china-news-service'],
    ['https://www.ithome.com/0/931/873.htm', 'it-home'],
    ['https://news.qq.com/rain/a/20260323A06PN300', 'tencent-news'],
    ['www.bbc.co.uk/news/world', 'bbc'],
    ['edition.cnn.com', 'cnn'],
    ['https://ec.europa.eu/eurostat/web/main', 'eurostat'],
    ['https://ec.europa.eu/commission/presscorner', null],
    ['Tencent', null],
    ['The Daily Planet', null],
  ];
  it.each(cases)('%s → %s', (input, key) => {
    expect(resolveOutlet(input, registry)?.key ?? null).toBe(key);
  });

  it('lists cited outlets nobody registered, most cited first', () => {
    const unknown = unknownOutlets(
      [
        { name: null, url: 'https://www.example-daily.com/a', article: 'a-1' },
        { name: 'Example Daily', url: 'https://example-daily.com/b', article: 'a-2' },
        { name: 'Reuters', url: null, article: 'a-1' },
        { name: 'Chinese media', url: null, article: 'a-1' },
        { name: 'DeepInfra', url: null, article: 'a-3' },
      ],
      registry,
    );
    expect(unknown).toEqual([
      { name: 'Example Daily', domain: 'example-daily.com', count: 2, articles: ['a-1', 'a-2'] },
      { name: 'DeepInfra', domain: null, count: 1, articles: ['a-3'] },
    ]);
  });
});

describe('registry validation names the file and the entry', () => {
  const bad: Array<[string, RegExp]> = [
    ['- name: Reuters\n  kind: wire\n  note: ok\n- name: Foo\n  kind: tabloid\n  note: x', /^my\.yaml: entry 2 \(Foo\): kind: /],
    ['- name: Foo\n  kind: wire', /^my\.yaml: entry 1 \(Foo\): note: /],
    ['- name: Foo\n  kind: wire\n  note: x\n  domains: [not a domain]', /^my\.yaml: entry 1 \(Foo\): domains\.0: /],
    ['- name: Foo\n  kind: wire\n  note: x\n  colour: red', /^my\.yaml: entry 1 \(Foo\): .*colour/],
    ['- name: Foo\n  kind: wire\n  note: x\n- name: Bar\n  aliases: [foo]\n  kind: blog\n  note: y', /^my\.yaml: entry 2 \(Bar\): the name "foo" is already used by Foo/],
    ['name: Foo', /^my\.yaml: expected a list/],
    ['- name: [unclosed', /^my\.yaml: not valid YAML/],
  ];
  it.each(bad)('%#', (text, message) => {
    expect(() => parseOutlets(text, 'my.yaml')).toThrow(message);
  });
});

describe('helpers', () => {
  it.each([
    ['https://www.reuters.com/world/x', 'reuters.com'],
    ['http://news.qq.com/a', 'news.qq.com'],
    ['www.bbc.co.uk', 'bbc.co.uk'],
    ['not a url', null],
  ])('hostOf(%s) = %s', (url, host) => expect(hostOf(url)).toBe(host));

  it.each([
    ['Chinese media', true],
    ['Chinese state-backed media', true],
    ['state media', true],
    ['local officials', true],
    ['China News Service', false],
    ['media', true],
    ['Reuters', false],
  ])('isVagueName(%s) = %s', (name, vague) => expect(isVagueName(name)).toBe(vague));
});
