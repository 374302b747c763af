/**
 * HTML built from a tagged template that escapes every interpolated value: text taken from articles
 * (quotes, titles, outlet names, URLs) can never become markup. Only `Html` values, made by `h` or
 * `unsafeRaw`, pass through as they are.
 */

/** A fragment of markup known to be safe. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for an HTML text node or a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** What may be interpolated: text (escaped), numbers, markup, nothing (null, undefined, false), or lists of these. */
export type Part = string | number | Html | null | undefined | false | readonly Part[];

const render = (part: Part): string => {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
};

/** `h\`<p>${text}</p>\``: markup with every value escaped. */
export function h(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0];
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1];
  });
  return new Html(out);
}

/** Markup from a trusted producer (our own constants), unescaped. */
export const unsafeRaw = (markup: string): Html => new Html(markup);

/** An http(s) URL fit for an href, else null (no javascript:, data: or relative tricks from article text). */
export function safeUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
