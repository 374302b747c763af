/**
 * The few shapes and walks the HTML reader needs from the parsed tree (domhandler nodes as cheerio's
 * htmlparser2 back end builds them, with `startIndex`/`endIndex` into the source). Walks are
 * iterative so that a deeply nested page cannot overflow the stack.
 */

/** A parsed node: an element, a text, a comment or the document. */
export interface HNode {
  type: string;
  parent: HElement | null;
  /** First source offset of the node. */
  startIndex: number | null;
  /** Last source offset of the node (inclusive, as htmlparser2 reports it). */
  endIndex: number | null;
}

/** An element (or the document root) with its children. */
export interface HElement extends HNode {
  name: string;
  attribs: Record<string, string>;
  children: HNode[];
}

/** A text node; `data` has its entities decoded. */
export interface HText extends HNode {
  data: string;
}

/** True for element nodes, including script and style (htmlparser2 types them apart). */
export function isElement(node: HNode): node is HElement {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** True for text nodes. */
export function isText(node: HNode): node is HText {
  return node.type === 'text';
}

/** Lower-case tag name, '' for non-elements. */
export function tagOf(node: HNode): string {
  return isElement(node) ? node.name.toLowerCase() : '';
}

/** Attribute value or ''. */
export function attr(el: HElement, name: string): string {
  return el.attribs?.[name] ?? '';
}

/** The class and id of an element, lower-cased and joined, for matching boilerplate hints. */
export function classAndId(el: HElement): string {
  const cls = attr(el, 'class');
  const id = attr(el, 'id');
  return cls && id ? `${cls} ${id}`.toLowerCase() : (cls || id).toLowerCase();
}

/**
 * Visit the subtree of `root` in document order. `enter` returns false to skip an element's children;
 * `leave` runs after an element's children.
 */
export function walk(
  root: HNode,
  enter: (node: HNode, depth: number) => boolean | void,
  leave?: (node: HElement, depth: number) => void,
): void {
  const stack: Array<{ node: HNode; depth: number; left: boolean }> = [{ node: root, depth: 0, left: false }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.left) {
      leave?.(top.node as HElement, top.depth);
      continue;
    }
    if (enter(top.node, top.depth) === false) continue;
    const children = (top.node as HElement).children;
    if (!children) continue;
    if (leave && isElement(top.node)) stack.push({ node: top.node, depth: top.depth, left: true });
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], depth: top.depth + 1, left: false });
  }
}

/** Elements of the subtree (root included when it is one) whose tag is in `tags`, in document order. */
export function findAll(root: HNode, tags: ReadonlySet<string>): HElement[] {
  const out: HElement[] = [];
  walk(root, (node) => {
    if (isElement(node) && tags.has(node.name.toLowerCase())) out.push(node);
  });
  return out;
}

/** Text of a subtree with white space collapsed, skipping elements for which `skip` is true. */
export function textOf(root: HNode, skip?: (el: HElement) => boolean): string {
  const parts: string[] = [];
  walk(root, (node) => {
    if (isText(node)) parts.push(node.data);
    else if (isElement(node)) {
      if (skip?.(node)) return false;
      const tag = node.name.toLowerCase();
      if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') return false;
      if (tag === 'br' || BLOCK_TAGS.has(tag)) parts.push(' ');
    }
    return true;
  });
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Elements that break text into separate blocks when rendered. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th',
  'thead', 'tr', 'ul', 'option', 'select', 'textarea', 'legend', 'listing', 'plaintext', 'xmp',
]);

/** Ancestors of a node from its parent up to the document. */
export function ancestors(node: HNode): HElement[] {
  const out: HElement[] = [];
  for (let p = node.parent; p; p = p.parent) out.push(p);
  return out;
}
