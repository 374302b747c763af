/**
 * A deterministic generator of realistic news coverage for the benchmark: many stories, several
 * outlets per story, figures with units and periods, attributions, cited sources, and planted
 * disagreements (a figure one outlet gets wrong, a date one outlet shifts). The same seed gives
 * the same corpus byte for byte.
 */

export interface GeneratedArticle {
  /** File name, with the extension that says its format. */
  name: string;
  content: string;
  story: number;
}

/** A small, fast, seedable PRNG (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PLACES = ['Lagos', 'Lima', 'Osaka', 'Denver', 'Porto', 'Kraków', 'Nairobi', 'Hanoi', 'Quito', 'Leeds', 'Perth', 'Tampere', 'Bilbao', 'Recife', 'Cebu', 'Tulsa'];
const BODIES = ['Ministry of Transport', 'Statistics Office', 'Port Authority', 'Energy Commission', 'Health Department', 'Water Board', 'Housing Agency', 'Tourism Council'];
const FIRST = ['Ana', 'Tomás', 'Grace', 'Kenji', 'Amara', 'Lukas', 'Priya', 'Omar', 'Sofia', 'Daniel', 'Mei', 'Yusuf'];
const LAST = ['Okafor', 'Silva', 'Tanaka', 'Novak', 'Mensah', 'Berg', 'Rao', 'Haddad', 'Costa', 'Fischer', 'Chen', 'Demir'];
const TITLES = ['director', 'head', 'chief economist', 'spokesperson', 'minister'];
const OUTLETS = [
  ['Daily Ledger', 'dailyledger.example'],
  ['Morning Wire', 'morningwire.example'],
  ['City Herald', 'cityherald.example'],
  ['Open Gazette', 'opengazette.example'],
  ['Metro Times', 'metrotimes.example'],
  ['Coast Courier', 'coastcourier.example'],
];
const METRICS: Array<{ noun: string; unit: string; verb: string; scale: number }> = [
  { noun: 'daily passenger numbers', unit: 'passengers', verb: 'reached', scale: 1e3 },
  { noun: 'annual cargo volume', unit: 'tonnes', verb: 'exceeded', scale: 1e6 },
  { noun: 'monthly electricity demand', unit: 'gigawatt hours', verb: 'hit', scale: 1 },
  { noun: 'the housing budget', unit: '', verb: 'totalled', scale: 1e6 },
  { noun: 'weekly hospital admissions', unit: 'patients', verb: 'rose to', scale: 1 },
];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pick = <T>(r: () => number, xs: T[]): T => xs[Math.floor(r() * xs.length)];

function fmt(n: number): string {
  if (n >= 1e9) return `${+(n / 1e9).toFixed(1)} billion`;
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)} million`;
  return Math.round(n).toLocaleString('en-US');
}

function money(n: number): string {
  return `$${fmt(n)}`;
}

interface Story {
  id: number;
  place: string;
  body: string;
  speaker: string;
  title: string;
  metric: (typeof METRICS)[number];
  year: number;
  month: number;
  day: number;
  values: number[];
  pct: number;
  budget: number;
}

function story(id: number, r: () => number): Story {
  const metric = pick(r, METRICS);
  const base = Math.round((10 + r() * 900) * metric.scale);
  const growth = 1 + r() * 0.6;
  return {
    id,
    place: pick(r, PLACES),
    body: pick(r, BODIES),
    speaker: `${pick(r, FIRST)} ${pick(r, LAST)}`,
    title: pick(r, TITLES),
    metric,
    year: 2019 + Math.floor(r() * 7),
    month: Math.floor(r() * 12),
    day: 1 + Math.floor(r() * 27),
    values: [base, Math.round(base * growth), Math.round(base * growth * growth)],
    pct: Math.round((growth - 1) * 100),
    budget: Math.round((5 + r() * 500) * 1e6),
  };
}

function paragraphs(s: Story, outlet: number, r: () => number, planted: { value: boolean; date: boolean }): string[] {
  const unit = s.metric.unit ? ` ${s.metric.unit}` : '';
  const values = [...s.values];
  if (planted.value) values[0] = Math.round(values[0] * 10);
  const day = planted.date ? s.day + 1 : s.day;
  const month = MONTHS[s.month];
  const prev = s.year - 1;
  const out: string[] = [];
  out.push(
    `${s.place}'s ${s.metric.noun} ${s.metric.verb} ${fmt(values[2])}${unit} in ${month} ${s.year}, up ${s.pct} percent from ${fmt(values[1])}${unit} at the end of ${prev}, ${s.speaker}, ${s.title} of the ${s.body}, said on ${month} ${day}.`,
  );
  out.push(
    `The figure has grown steadily: from ${fmt(values[0])}${unit} in early ${prev - 1} to ${fmt(values[1])}${unit} by the end of ${prev}, and ${fmt(values[2])}${unit} by ${month} ${s.year}, according to the ${s.body}.`,
  );
  out.push(
    `${s.speaker.split(' ')[1]} said the city would spend ${money(s.budget)} over the next five years, roughly ${Math.round(10 + r() * 40)}% of it on maintenance. "We expect demand to keep rising," ${pick(r, ['she', 'he'])} added.`,
  );
  for (let k = 0; k < 2 + Math.floor(r() * 4); k++) {
    out.push(
      `Analysts at ${pick(r, OUTLETS)[0]} noted that ${Math.round(2 + r() * 30)} districts reported higher figures than a year earlier, while ${Math.round(r() * 9)} saw declines. Residents interviewed in ${pick(r, PLACES)} said waiting times had changed little since ${2010 + Math.floor(r() * 14)}, though officials disputed that account in a statement on ${pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])}.`,
    );
  }
  out.push(`Reporting by ${pick(r, FIRST)} ${pick(r, LAST)} for ${OUTLETS[outlet][0]}; data from the ${s.body} (https://${s.place.toLowerCase()}.example/data/${s.id}).`);
  return out;
}

/** `count` articles over `count / 4` stories (about four outlets each), mixing formats when asked. */
export function generateCorpus(count: number, options: { seed?: number; formats?: Array<'txt' | 'md' | 'html'> } = {}): GeneratedArticle[] {
  const r = rng(options.seed ?? 42);
  const formats = options.formats ?? ['txt'];
  const stories = Math.max(1, Math.round(count / 4));
  const all: Story[] = [];
  for (let i = 0; i < stories; i++) all.push(story(i, r));
  const out: GeneratedArticle[] = [];
  for (let n = 0; n < count; n++) {
    const s = all[n % stories];
    const outlet = Math.floor(n / stories) % OUTLETS.length;
    const planted = { value: outlet === 1 && s.id % 3 === 0, date: outlet === 2 && s.id % 5 === 0 };
    const paras = paragraphs(s, outlet, r, planted);
    const headline = `${s.place} ${s.metric.noun.replace(/^the /, '')} climbs ${s.pct}% as officials plan for growth`;
    const published = `${s.year}-${String(s.month + 1).padStart(2, '0')}-${String(Math.min(28, s.day + 1)).padStart(2, '0')}`;
    const format = formats[n % formats.length];
    const name = `story${String(s.id).padStart(5, '0')}-${OUTLETS[outlet][1].split('.')[0]}.${format}`;
    out.push({ name, content: render(format, headline, published, OUTLETS[outlet], paras), story: s.id });
  }
  return out;
}

function render(format: 'txt' | 'md' | 'html', headline: string, published: string, outlet: string[], paras: string[]): string {
  if (format === 'md') {
    return `---\ntitle: "${headline}"\noutlet: ${outlet[0]}\npublished: ${published}\nurl: https://${outlet[1]}/news/${published}\n---\n\n# ${headline}\n\n${paras.join('\n\n')}\n`;
  }
  if (format === 'html') {
    const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<!doctype html><html><head><meta charset="utf-8"><title>${esc(headline)} | ${outlet[0]}</title><meta property="og:site_name" content="${outlet[0]}"><meta property="article:published_time" content="${published}T08:00:00Z"><link rel="canonical" href="https://${outlet[1]}/news/${published}"></head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav><article><h1>${esc(headline)}</h1>${paras.map((p) => `<p>${esc(p)}</p>`).join('')}</article><aside class="related"><ul><li><a href="/x">More news</a></li></ul></aside><footer>© ${outlet[0]}</footer></body></html>\n`;
  }
  return `${headline}\n\nPublished: ${published}\nBy ${outlet[0]} staff\n\n${paras.join('\n\n')}\n`;
}
