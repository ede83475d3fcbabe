import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { groupByKey } from '../../common/group-by.js';
import type { ProjectionTransfer } from '../../history/fold.js';
import { ProjectionService } from '../../history/projection.service.js';
import type { TransferInput } from '../dto/rotation-event.input.js';
import type { Lookups, OfficialRow, PositionRow } from './lookups.js';
import { RecordingRepository } from './recording.repository.js';

/*
 * The resolve phase: everything the lampiran names, looked up once (officials, their earlier
 * transfers, posts) into the maps the row rules read. Nothing is judged here: a name that is
 * not found is simply absent, and the rules say so.
 */

const present = (value: string | null | undefined): value is string => !!value;

/** The ids and NIPs by which the rows name officials. */
export function officialsNamed(rows: TransferInput[]): { ids: string[]; nips: string[] } {
  return { ids: rows.map((r) => r.officialId).filter(present), nips: rows.map((r) => r.nip).filter(present) };
}

/** The posts the rows name, and those the officials' earlier transfers pass through (messages describe those too). */
export function postsNamed(rows: TransferInput[], earlier: ProjectionTransfer[]): { ids: string[]; codes: string[] } {
  const ids = [...rows.flatMap((r) => [r.fromPositionId, r.toPositionId]), ...earlier.flatMap((t) => [t.fromPositionId, t.toPositionId])].filter(present);
  return { ids: [...new Set(ids)], codes: rows.flatMap((r) => [r.fromPositionCode, r.toPositionCode]).filter(present) };
}

/** Officials under "id:…" and "nip:…", the two ways a row may name one. */
export function indexOfficials(found: OfficialRow[]): Map<string, OfficialRow> {
  const officials = new Map<string, OfficialRow>();
  for (const official of found) {
    officials.set(`id:${official.id}`, official);
    if (official.nip) officials.set(`nip:${official.nip}`, official);
  }
  return officials;
}

/** Posts under "id:…" and "code:…", the two ways a row may name one. */
export function indexPositions(found: PositionRow[]): Map<string, PositionRow> {
  const positions = new Map<string, PositionRow>();
  for (const position of found) {
    positions.set(`id:${position.id}`, position);
    positions.set(`code:${position.code}`, position);
  }
  return positions;
}

@Injectable()
export class LampiranResolver {
  constructor(
    private readonly repository: RecordingRepository,
    private readonly projection: ProjectionService,
  ) {}

  /** Three reads: the officials, their transfers so far, then every post either names. */
  async resolve(manager: EntityManager, rows: TransferInput[]): Promise<Lookups> {
    const named = officialsNamed(rows);
    const officials = indexOfficials(await this.repository.findOfficials(manager, named.ids, named.nips));
    const earlier = await this.projection.transfersOf(manager, [...new Set([...officials.values()].map((o) => o.id))]);
    const posts = postsNamed(rows, earlier);
    const positions = indexPositions(await this.repository.findPositions(manager, posts.ids, posts.codes));
    return { officials, positions, existing: groupByKey(earlier, (t) => t.officialId) };
  }
}
