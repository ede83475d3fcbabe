import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import type { Correction } from '../corrections/dto/correction.js';
import { CorrectionsService } from '../corrections/corrections.service.js';
import { GovernmentsService } from '../governments/governments.service.js';
import { RevisionKind } from '../corrections/revision.enums.js';
import { subtree } from '../organizations/organization-tree.sql.js';
import { OrganizationsService } from '../organizations/organizations.service.js';
import { PositionsService } from '../positions/positions.service.js';
import { formatDay } from '../web/i18n/dates.js';
import { atomXml, type AtomEntry } from './atom.js';

/** Entries per feed: the newest; a reader polling more often than 50 events keeps up. */
export const FEED_SIZE = 50;

/** What a feed covers: everything, a government (code or region code: its whole tree), a unit and its sub-units, or one post. */
export type FeedScope = { government?: string; unitCode?: string; postCode?: string };

/** The tree a feed covers, with the words and address that name it. */
interface Tree {
  unitId: string;
  name: string;
  path: (what: 'events' | 'corrections') => string;
  key: string;
}

/** A feed ready to answer: its validators first, the document only when it is sent. */
export interface Feed {
  etag: string;
  /** The latest instant of its entries (null: no entries). */
  lastModified: Date | null;
  render(): string;
}

interface EventRow {
  id: string;
  title: string;
  issuer: string;
  decree_number: string | null;
  decree_date: string | null;
  sworn_in_on: string;
  effective_on: string;
  status: string;
  void_reason: string | null;
  created_at: string;
  updated_at: string;
  moves: number;
  total: number;
  latest: string;
}

const KIND_WORDS: Record<RevisionKind, string> = {
  [RevisionKind.RECORDED]: 'Dicatat',
  [RevisionKind.AMENDED]: 'Koreksi',
  [RevisionKind.VOIDED]: 'Pembatalan',
  [RevisionKind.BACKFILL]: 'Perubahan akibat SK yang dicatat belakangan',
};

const day = (d: string | null) => (d ? formatDay('id', d) : '—');
const place = (code: string | null, title: string | null) => (code ? `${title ?? code} (${code})` : '—');

/** Atom feeds of new events and of corrections, read in one statement each (two with a government, unit or post to find). */
@Injectable()
export class FeedsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly positions: PositionsService,
    private readonly corrections: CorrectionsService,
    private readonly governments: GovernmentsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The newest events (by when they were recorded), with how many moves each. */
  async events(scope: FeedScope, origin: string): Promise<Feed> {
    const params: unknown[] = [FEED_SIZE];
    const $ = (value: unknown) => `$${params.push(value)}`;
    let where = 'true';
    let name = 'Pelantikan baru';
    let path = '/feeds/events.atom';
    let key = 'events';
    const tree = await this.tree(scope);
    if (tree) {
      const sub = subtree($(tree.unitId));
      where = `EXISTS (SELECT 1 FROM transfers t LEFT JOIN positions fp ON fp.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
        WHERE t.event_id = e.id AND (fp.organization_id IN ${sub} OR tp.organization_id IN ${sub}))`;
      name = `Pelantikan baru: ${tree.name}`;
      path = tree.path('events');
      key = `${tree.key}/events`;
    } else if (scope.postCode) {
      const post = await this.positions.findOne({ code: scope.postCode });
      const id = $(post.id);
      where = `EXISTS (SELECT 1 FROM transfers t WHERE t.event_id = e.id AND (t.from_position_id = ${id} OR t.to_position_id = ${id}))`;
      name = `Pelantikan baru: ${post.title}`;
      path = `/feeds/posts/${encodeURIComponent(post.code)}/events.atom`;
      key = `post/${post.code}/events`;
    }
    // The window runs before LIMIT: the count and the latest change are of every matching event.
    const rows: EventRow[] = await this.dataSource.query(
      `SELECT e.id::text AS id, e.title, e.issuer, e.decree_number, e.decree_date, e.sworn_in_on, e.effective_on, e.status, e.void_reason, e.created_at, e.updated_at,
              (SELECT count(*)::int FROM transfers t WHERE t.event_id = e.id) AS moves,
              count(*) OVER ()::int AS total, max(e.updated_at) OVER () AS latest
       FROM rotation_events e WHERE ${where} ORDER BY e.created_at DESC, e.id DESC LIMIT $1`,
      params,
    );
    const entries = rows.map((e): AtomEntry => {
      const voided = e.status === 'VOIDED';
      const summary = `SK ${e.decree_number ?? 'tanpa nomor'} tanggal ${day(e.decree_date)} (${e.issuer}): ${e.moves} mutasi, dilantik ${day(e.sworn_in_on)}, berlaku (TMT) ${day(e.effective_on)}.`;
      return {
        id: this.tag(`event/${e.id}`),
        title: voided ? `[DIBATALKAN] ${e.title}` : e.title,
        published: new Date(e.created_at),
        updated: new Date(e.updated_at),
        links: this.eventLinks(origin, e.id),
        summary,
        content: voided ? `${summary}\nDibatalkan: ${e.void_reason ?? ''}` : summary,
      };
    });
    return this.feed(origin, path, key, name, 'Setiap pelantikan yang dicatat di Mutasi, terbaru dahulu.', entries, rows[0]?.total ?? 0, rows[0] ? new Date(rows[0].latest) : null);
  }

  /** The newest corrections (amendments, voids, back-fills), with the reason and a short difference. */
  async correctionsFeed(scope: FeedScope, origin: string): Promise<Feed> {
    const tree = await this.tree(scope);
    const post = scope.postCode ? await this.positions.findOne({ code: scope.postCode }) : undefined;
    const { corrections, total, latest } = await this.corrections.latest({ unitId: tree?.unitId, postId: post?.id }, FEED_SIZE);
    const entries = corrections.map((c): AtomEntry => ({
      id: this.tag(`correction/${c.eventId}/${c.revision}`),
      title: `${KIND_WORDS[c.kind]}: ${c.header.title}`,
      published: c.recordedAt,
      updated: c.recordedAt,
      links: this.eventLinks(origin, c.eventId),
      summary: `${KIND_WORDS[c.kind]} SK ${c.header.decreeNumber ?? 'tanpa nomor'} (revisi ${c.previousRevision ?? '?'} → ${c.revision}). Alasan: ${c.reason ?? '—'}`,
      content: correctionWords(c),
    }));
    const [name, path, key] = tree
      ? [`Koreksi: ${tree.name}`, tree.path('corrections'), `${tree.key}/corrections`]
      : post
        ? [`Koreksi: ${post.title}`, `/feeds/posts/${encodeURIComponent(post.code)}/corrections.atom`, `post/${post.code}/corrections`]
        : ['Koreksi catatan pelantikan', '/feeds/corrections.atom', 'corrections'];
    const about = 'Setiap koreksi, pembatalan dan perubahan catatan pelantikan, dengan alasannya dan apa yang berubah.';
    return this.feed(origin, path, key, name, about, entries, total, latest);
  }

  /**
   * The tree of a government or unit feed. A government's feed is its top unit's feed under its
   * own address and tag: the same entries, named by region code, as a journalist knows it.
   */
  private async tree(scope: FeedScope): Promise<Tree | undefined> {
    if (scope.government) {
      const g = await this.governments.find(scope.government);
      return { unitId: g.id, name: g.name, path: (what) => `/feeds/pemerintah/${encodeURIComponent(g.regionCode ?? g.code)}/${what}.atom`, key: `government/${g.code}` };
    }
    if (scope.unitCode) {
      const unit = await this.organizations.findOne({ code: scope.unitCode });
      return { unitId: unit.id, name: `${unit.name} dan unit di bawahnya`, path: (what) => `/feeds/units/${encodeURIComponent(unit.code)}/${what}.atom`, key: `unit/${unit.code}` };
    }
    return undefined;
  }

  private feed(origin: string, path: string, key: string, title: string, subtitle: string, entries: AtomEntry[], total: number, latest: Date | null): Feed {
    // Strong: a new or changed entry changes the count or the latest instant, and so the tag.
    const etag = `"${createHash('sha256').update(JSON.stringify([origin, path, total, latest?.toISOString() ?? null])).digest('base64url').slice(0, 27)}"`;
    return {
      etag,
      lastModified: latest,
      render: () =>
        atomXml({
          id: this.tag(key),
          title: `${title} · Mutasi`,
          subtitle,
          // An empty feed has changed never: the epoch keeps its document, and so its ETag, stable.
          updated: latest ?? new Date(0),
          links: [
            { rel: 'self', type: 'application/atom+xml', href: `${origin}${path}` },
            { rel: 'alternate', type: 'text/html', href: `${origin}/` },
          ],
          author: 'Mutasi',
          entries,
        }),
    };
  }

  private tag(specific: string): string {
    return `tag:${this.config.feedTagAuthority},2026:${specific}`;
  }

  private eventLinks(origin: string, id: string) {
    return [
      { rel: 'alternate' as const, type: 'text/html', href: `${origin}/pelantikan/${id}` },
      { rel: 'related' as const, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', title: 'Lampiran (XLSX)', href: `${origin}/rotation-events/${id}/lampiran.xlsx` },
    ];
  }
}

/** The correction in words: the reason, then each change on a line. */
export function correctionWords(c: Correction): string {
  const lines = [`${KIND_WORDS[c.kind]} SK ${c.header.decreeNumber ?? 'tanpa nomor'}, revisi ${c.previousRevision ?? '?'} → ${c.revision}.`, `Alasan: ${c.reason ?? '—'}`];
  for (const h of c.headerChanges) lines.push(`Diubah ${h.field}: ${h.before ?? '—'} → ${h.after ?? '—'}`);
  for (const r of c.rowsAdded) lines.push(`Ditambahkan baris ${r.seq}: ${r.officialName}, ${place(r.fromCode, r.fromTitle)} → ${place(r.toCode, r.toTitle)}`);
  for (const r of c.rowsRemoved) lines.push(`Dihapus baris ${r.seq}: ${r.officialName}, ${place(r.fromCode, r.fromTitle)} → ${place(r.toCode, r.toTitle)}`);
  for (const r of c.rowsChanged) lines.push(`Diubah baris ${r.seq} (${r.officialName}): ${r.changes.map((x) => `${x.field} ${x.before ?? '—'} → ${x.after ?? '—'}`).join('; ')}`);
  return lines.join('\n');
}
