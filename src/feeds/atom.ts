import { create } from 'xmlbuilder2';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

export interface AtomLink {
  href: string;
  rel: 'alternate' | 'self' | 'related';
  type?: string;
  title?: string;
}

export interface AtomEntry {
  id: string;
  title: string;
  updated: Date;
  published: Date;
  links: AtomLink[];
  summary: string;
  content: string;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle: string;
  updated: Date;
  links: AtomLink[];
  author: string;
  entries: AtomEntry[];
}

/** Characters XML 1.0 cannot carry at all (escaping does not help): dropped from text. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlText = (text: string): string => text.replace(NOT_XML, '');

/** RFC 3339, to the second, as Atom's date constructs want it. */
const instant = (d: Date): string => new Date(Math.floor(d.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** An Atom 1.0 document (RFC 4287); the builder escapes every text and attribute. */
export function atomXml(feed: AtomFeed): string {
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(ATOM_NS, 'feed', { 'xml:lang': 'id' });
  const text = (parent: typeof root, name: string, value: string, attributes?: Record<string, string>) =>
    parent.ele(ATOM_NS, name, attributes).txt(xmlText(value)).up();
  const links = (parent: typeof root, list: AtomLink[]) => {
    for (const link of list) parent.ele(ATOM_NS, 'link', Object.fromEntries(Object.entries(link).map(([k, v]) => [k, xmlText(v)]))).up();
  };
  text(root, 'id', feed.id);
  text(root, 'title', feed.title);
  text(root, 'subtitle', feed.subtitle);
  text(root, 'updated', instant(feed.updated));
  links(root, feed.links);
  text(root.ele(ATOM_NS, 'author'), 'name', feed.author);
  text(root, 'generator', 'Mutasi');
  for (const e of feed.entries) {
    const entry = root.ele(ATOM_NS, 'entry');
    text(entry, 'id', e.id);
    text(entry, 'title', e.title);
    text(entry, 'updated', instant(e.updated));
    text(entry, 'published', instant(e.published));
    links(entry, e.links);
    text(entry, 'summary', e.summary, { type: 'text' });
    text(entry, 'content', e.content, { type: 'text' });
  }
  return root.end({ prettyPrint: true });
}
