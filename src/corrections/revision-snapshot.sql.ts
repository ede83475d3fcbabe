import { displayNameSql } from '../officials/display-name.js';

/** The header of event `e`, as JSONB (the keys of RevisionHeader). */
export const HEADER_JSON = `jsonb_build_object('title', e.title, 'issuer', e.issuer, 'decreeNumber', e.decree_number, 'decreeDate', e.decree_date,
  'swornInOn', e.sworn_in_on, 'swornInAt', to_char(e.sworn_in_at, 'HH24:MI'), 'effectiveOn', e.effective_on, 'location', e.location,
  'sourceUrl', e.source_url, 'signatoryName', e.signatory_name, 'signatoryTitle', e.signatory_title, 'status', e.status)`;

/** The lampiran of event `e`, in order, as a JSONB array (RevisionRow each). */
export const LAMPIRAN_JSON = `COALESCE((SELECT jsonb_agg(jsonb_build_object('seq', t.seq, 'officialId', t.official_id::text, 'officialName', ${displayNameSql('o')},
    'fromPositionId', t.from_position_id::text, 'fromCode', fp.code, 'fromTitle', fp.title,
    'toPositionId', t.to_position_id::text, 'toCode', tp.code, 'toTitle', tp.title,
    'kind', t.kind, 'capacity', t.capacity, 'note', t.note, 'fromStated', t.from_stated, 'kindStated', t.kind_stated) ORDER BY t.seq)
  FROM transfers t JOIN officials o ON o.id = t.official_id
  LEFT JOIN positions fp ON fp.id = t.from_position_id LEFT JOIN positions tp ON tp.id = t.to_position_id
  WHERE t.event_id = e.id), '[]'::jsonb)`;
