/**
 * Breaking-news coverage, where outlets most often disagree on a death toll, a quake's magnitude, a
 * vote's tally or a person's age:
 * short articles in the wording of wire reports, read and extracted as the CLI would, checked by
 * `value-conflict`.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../src/extract/index.js';
import { readText } from '../../../src/ingest/text.js';
import { linkingNames } from '../../../src/check/story.js';
import { runOnTexts } from '../harness.js';

const POST = 'Bus crash in Denver kills 12\n\nA bus crash on Interstate 25 in Denver killed 12 people on Tuesday, police said. The driver, John Smith, 42, was arrested at the scene. The bus was carrying 48 passengers.\n';
const WIRE = 'Fifteen dead after Denver bus crash\n\nA bus crash on Interstate 25 in Denver on Tuesday killed 15 people, police said. The driver, John Smith, 43, was arrested at the scene. The bus was carrying 48 passengers.\n';
const SAME = 'Denver bus crash kills 12\n\nTwelve people died when a bus left Interstate 25 in Denver on Tuesday. The driver, John Smith, 42, was arrested. The bus was carrying 48 passengers.\n';

const run = (texts: Record<string, string>) => runOnTexts('value-conflict', texts, '2025-06-11');

describe('value-conflict on casualties and ages', () => {
  it('a toll of 12 against 15, and an age of 42 against 43, are two conflicts', () => {
    const { findings, claims } = run({ post: POST, wire: WIRE });
    const byId = new Map(claims.map((c) => [c.id, c]));
    const keys = findings.map((f) => [...new Set(f.claims.map((id) => byId.get(id)!.metricKey))].join());
    expect(keys.sort()).toEqual(['age', 'deaths']);
    const age = findings.find((f) => f.claims.some((id) => byId.get(id)!.metricKey === 'age'))!;
    expect(age.message).toContain("'42'");
    expect(age.message).toContain("'43'");
  });

  it('"killed 12 people", "kills 12" and "Twelve people died" agree: no finding', () => {
    expect(run({ post: POST, same: SAME }).findings).toEqual([]);
  });

  it('a magnitude 6.1 against a 5.9-magnitude quake (one story: the same place) is a conflict; an aftershock is another quake', () => {
    const REUTERS = 'Magnitude 6.1 earthquake strikes off Indonesia\n\nA magnitude 6.1 earthquake struck off the coast of Sumatra on Monday, the U.S. Geological Survey said. It was centred 80 km west of Padang and followed by a 4.2 aftershock.\n';
    const AFP = 'Deadly quake rocks Sumatra\n\nA 5.9-magnitude earthquake struck off Sumatra on Monday, according to the USGS. The quake was centred 80 km west of Padang.\n';
    const AGREE = 'Quake hits Sumatra\n\nThe 6.1 quake struck off Sumatra on Monday, the USGS said. It was centred 80 km west of Padang.\n';
    const { findings } = run({ reuters: REUTERS, afp: AFP });
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain("'6.1'");
    expect(findings[0].message).toContain("'5.9-magnitude'");
    expect(run({ reuters: REUTERS, agree: AGREE }).findings).toEqual([]);
  });

  it('a vote of 68 to 32 against 67-33: both sides conflict', () => {
    const A = 'Senate passes the bill\n\nThe Senate approved the farm bill by a vote of 68 to 32 on Thursday. The bill costs $867 billion over ten years.\n';
    const B = 'Farm bill clears the Senate\n\nThe Senate approved the farm bill 67-33 on Thursday. The bill costs $867 billion over ten years.\n';
    const { findings, claims } = run({ a: A, b: B });
    const byId = new Map(claims.map((c) => [c.id, c]));
    expect(findings.map((f) => byId.get(f.claims[0])!.metricKey).sort()).toEqual(['tally:against', 'tally:for']);
    expect(run({ a: A, c: A.replace('68 to 32', '68-32') }).findings).toEqual([]);
  });

  it('a toll for one state and a toll for two are not compared, though the articles are one story', () => {
    const A = 'Storms kill 15\n\nStorms killed 12 people in Texas and three in Oklahoma on Tuesday, officials said.\n\nIn Texas, 12 people died, most of them in Dallas.\n';
    const B = 'Deadly storms\n\nThe storms killed 15 people across Texas and Oklahoma on Tuesday.\n';
    const C = 'Deadly storms\n\nThe storms killed 15 people in Texas on Tuesday, officials in Dallas said.\n';
    expect(run({ a: A, b: B }).findings).toEqual([]);
    // (the same two names link A and C as one story: Texas against Texas is compared)
    expect(run({ a: A, c: C }).findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('a name read as "Texas and Oklahoma" links stories through each side too', () => {
    const [c] = extractClaims(readText('b.txt', 'Storms\n\nThe storms killed 15 people across Texas and Oklahoma on Tuesday.\n'), { articleId: 'b', published: '2025-06-11' });
    expect(linkingNames(c)).toEqual(['texas-and-oklahoma', 'texas', 'oklahoma']);
  });
});
