import { describe, expect, it } from 'vitest';
import { aliasSlug, loadAliases, parseAliases, resolveEntity } from '../../src/link/entities.js';

describe('entity aliases', () => {
  const cases: Array<[string, string | null]> = [
    ['National Data Administration', 'national-data-administration'],
    ['National Data Bureau', 'national-data-administration'],
    ['the National Data Bureau', 'national-data-administration'],
    ["China's National Data Administration", 'national-data-administration'],
    ['NDA', 'national-data-administration'],
    ['nda', null],
    ['国家数据局', 'national-data-administration'],
    ['China Development Forum', 'china-development-forum'],
    ['East-Data-West-Compute', 'east-data-west-computing'],
    ['East Data, West Computation', 'east-data-west-computing'],
    ['the Fed', 'federal-reserve'],
    ['Liu Liehong', null],
  ];
  it.each(cases)('%s → %s', (name, key) => {
    expect(resolveEntity(name)?.canonical ?? null).toBe(key);
  });

  it('gives the official display name', () => {
    expect(resolveEntity('National Data Bureau')).toEqual({ canonical: 'national-data-administration', display: 'National Data Administration' });
  });

  it('learns acronyms an article defines', () => {
    const registry = parseAliases(loadAliasesText());
    expect(registry.resolve('CAICT')).toBeNull();
    registry.registerAcronym('CAICT', 'China Academy of Information and Communications Technology');
    expect(registry.resolve('CAICT')).toEqual({ canonical: 'china-academy-of-information-and-communications-technology', display: 'China Academy of Information and Communications Technology' });
    registry.registerAcronym('NDB', 'National Data Bureau');
    expect(registry.resolve('NDB')?.canonical).toBe('national-data-administration');
  });

  it("gives the extractor's table: name slug → display name", () => {
    const table = loadAliases().table();
    expect(table.get(aliasSlug('National Data Bureau'))).toBe('National Data Administration');
    expect(table.get('nda')).toBe('National Data Administration');
  });

  it.each([
    ['- key: Bad Key\n  display: X\n  note: y', /^a\.yaml: entry 1 \(Bad Key\): key: /],
    ['- key: x\n  display: X', /^a\.yaml: entry 1 \(x\): note: /],
    ['- key: x\n  display: X\n  note: n\n- key: x\n  display: Y\n  note: n', /entry 2 \(x\): the key is already used by entry 1/],
    ['- key: x\n  display: X\n  note: n\n- key: y\n  display: Y\n  aliases: [X]\n  note: n', /entry 2 \(y\): the name "X" is already used by x/],
  ])('refuses a bad file with the entry named (%#)', (text, message) => {
    expect(() => parseAliases(text, 'a.yaml')).toThrow(message);
  });
});

function loadAliasesText(): string {
  const entries = loadAliases().entries;
  return entries.map((e) => `- key: ${e.key}\n  display: "${e.display}"\n  aliases: ${JSON.stringify(e.aliases)}\n  note: n${e.acronym ? `\n  acronym: ${e.acronym}` : ''}`).join('\n');
}
