/**
 * Page titles without the site's name: "Storm hits coast | The Herald" → "Storm hits coast" when
 * "The Herald" is the site, or when the page's own headline (`h1`) shows which part is the story.
 */

/** Separators sites put between a headline and their name. */
const SEPARATOR = /\s+(?:\||-|–|—|·|•|::|\/|»|«|\\|~)\s+/g;

/** Lower-case letters and digits only, for comparing names ("The-Verge" ~ "theverge"). */
export function squash(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when `part` names the site: equal to a known site name or host, or contained in one. */
export function namesSite(part: string, sites: string[]): boolean {
  const p = squash(part);
  if (p.length < 2) return false;
  return sites.some((site) => {
    const s = squash(site);
    return s.length >= 2 && (s === p || (p.length >= 4 && (s.includes(p) || p.includes(s))));
  });
}

/**
 * Remove a site name that leads or trails `title` after a separator. `sites` are names the page
 * gives itself (og:site_name, publisher, host words); `headline` is the page's `h1`, if any.
 * Returns the title and a note on what was removed, or null when nothing was.
 */
export function stripSiteName(title: string, sites: string[], headline: string | null): { title: string; removed: string } | null {
  const parts: Array<{ text: string; sep: string }> = [];
  let at = 0;
  SEPARATOR.lastIndex = 0;
  for (let m = SEPARATOR.exec(title); m; m = SEPARATOR.exec(title)) {
    parts.push({ text: title.slice(at, m.index), sep: m[0] });
    at = m.index + m[0].length;
  }
  parts.push({ text: title.slice(at), sep: '' });
  if (parts.length < 2) return null;
  const head = headline ? squash(headline) : '';
  // the headline shows which stretch of the title is the story
  if (head) {
    for (let i = 0; i < parts.length; i++) {
      for (let j = parts.length; j > i; j--) {
        const text = join(parts, i, j);
        if (squash(text) === head && (i > 0 || j < parts.length)) return { title: text, removed: removedText(parts, i, j) };
      }
    }
  }
  let i = 0;
  let j = parts.length;
  while (j - i > 1 && namesSite(parts[j - 1].text, sites)) j--;
  while (j - i > 1 && namesSite(parts[i].text, sites)) i++;
  if (i === 0 && j === parts.length) return null;
  return { title: join(parts, i, j), removed: removedText(parts, i, j) };
}

function join(parts: Array<{ text: string; sep: string }>, i: number, j: number): string {
  let out = '';
  for (let k = i; k < j; k++) out += parts[k].text + (k < j - 1 ? parts[k].sep : '');
  return out.trim();
}

function removedText(parts: Array<{ text: string; sep: string }>, i: number, j: number): string {
  const before = parts.slice(0, i).map((p) => p.text + p.sep.trim()).join(' ');
  const after = parts.slice(j).map((p) => p.text).join(' ');
  return [before, after].filter(Boolean).join(' … ').trim();
}
