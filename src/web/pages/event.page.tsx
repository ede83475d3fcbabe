import { EventPageDocument, type EventPageQuery } from '../gql/graphql.js';
import { formatDay, formatDayLong, formatTime } from '../i18n/dates.js';
import { capacityLabel, echelonLabel, kindLabel, statusLabel, TRANSFER_KINDS } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';
import { PageError, type PageLoader } from '../page.js';
import { barChart } from '../views/charts.js';
import { Chart, Facts, href, PostCell } from '../views/common.js';

type Row = EventPageQuery['rotationEvent']['transfers'][number];

const SORTS: Record<string, (lang: Lang) => (r: Row) => string | number> = {
  no: () => (r) => r.seq,
  nama: () => (r) => r.official.displayName.toLowerCase(),
  asal: () => (r) => r.fromPosition?.title.toLowerCase() ?? '',
  tujuan: () => (r) => r.toPosition?.title.toLowerCase() ?? '',
  jenis: (lang) => (r) => kindLabel(lang, r.kind),
};

function sortRows(rows: Row[], lang: Lang, sort: string): Row[] {
  const desc = sort.startsWith('-');
  const key = (SORTS[sort.replace(/^-/, '')] ?? SORTS.no)(lang);
  const sorted = [...rows].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    return x < y ? -1 : x > y ? 1 : a.seq - b.seq;
  });
  return desc ? sorted.reverse() : sorted;
}

function matches(row: Row, words: string[]): boolean {
  const text = [row.official.displayName, row.fromPosition?.title, row.fromPosition?.organization.name, row.toPosition?.title, row.toPosition?.organization.name]
    .join(' ')
    .toLowerCase();
  return words.every((w) => text.includes(w));
}

export const eventPage: PageLoader = async ({ lang, gql, query }, { id }) => {
  if (!/^\d{1,18}$/.test(id)) throw PageError.notFound();
  const { rotationEvent: event } = await gql(EventPageDocument, { id });
  const filter = (query.q ?? '').trim();
  const kind = TRANSFER_KINDS.find((k) => k === query.jenis);
  const sort = query.urut ?? 'no';
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const rows = sortRows(
    event.transfers.filter((r) => (!kind || r.kind === kind) && matches(r, words)),
    lang,
    sort,
  );
  const s = event.summary;
  const sortLink = (key: string) => {
    const next = sort === key ? `-${key}` : key;
    const params = new URLSearchParams({ ...(filter ? { q: filter } : {}), ...(kind ? { jenis: kind } : {}), urut: next });
    return `${href.event(event.id)}?${params}#lampiran`;
  };
  const ariaSort = (key: string) => (sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : undefined);
  const Th = ({ k, children }: { k: string; children: string }) => (
    <th scope="col" aria-sort={ariaSort(k)}>
      <a href={sortLink(k)}>{children}</a>
    </th>
  );
  const byEchelon = s.byEchelon.map((e) => ({ label: e.echelon ? `${tr(lang, 'Eselon', 'Echelon')} ${echelonLabel(lang, e.echelon)}` : tr(lang, 'Non-eselon', 'No echelon'), count: e.count }));
  const byKind = s.byKind.map((k) => ({ label: kindLabel(lang, k.kind), count: k.count }));
  const byUnit = s.byOrganization.slice(0, 12).map((o) => ({ label: o.organization.name, count: o.count }));
  const when = formatDayLong(lang, event.swornInOn);
  return {
    title: `${event.title} (${formatDay(lang, event.swornInOn)})`,
    description: tr(
      lang,
      `${s.transfers} pejabat dilantik pada ${when}${event.location ? ` di ${event.location}` : ''}: ${event.issuer}${event.decreeNumber ? `, ${event.decreeNumber}` : ''}.`,
      `${s.transfers} officials sworn in on ${when}${event.location ? ` at ${event.location}` : ''}: ${event.issuer}${event.decreeNumber ? `, ${event.decreeNumber}` : ''}.`,
    ),
    body: (
      <>
        <p class="kicker">{tr(lang, 'Pelantikan', 'Swearing-in')}</p>
        <h1>{event.title}</h1>
        {event.status === 'VOIDED' && (
          <p class="notice" role="status">
            {statusLabel(lang, event.status)}
            {event.voidReason ? `: ${event.voidReason}` : ''}
          </p>
        )}
        <Facts
          items={[
            [tr(lang, 'Dilantik', 'Sworn in'), `${when}${event.swornInAt ? `, ${formatTime(lang, event.swornInAt)}` : ''}`],
            [tr(lang, 'Tempat', 'Place'), event.location],
            [tr(lang, 'Berlaku', 'Effective'), formatDayLong(lang, event.effectiveOn)],
            [tr(lang, 'Penerbit', 'Issued by'), event.issuer],
            [tr(lang, 'Nomor keputusan', 'Decree number'), event.decreeNumber],
            [tr(lang, 'Tanggal keputusan', 'Decree date'), formatDay(lang, event.decreeDate)],
            [tr(lang, 'Penandatangan', 'Signed by'), [event.signatoryName, event.signatoryTitle].filter(Boolean).join(', ')],
            [tr(lang, 'Jumlah pejabat', 'Officials'), String(s.transfers)],
            [tr(lang, 'Sumber', 'Source'), event.sourceUrl ? <a href={event.sourceUrl} rel="nofollow noopener">{event.sourceUrl}</a> : null],
          ]}
        />
        <p>
          <a href={`/rotation-events/${encodeURIComponent(event.id)}/lampiran.xlsx`} download>
            {tr(lang, 'Unduh lampiran (Excel)', 'Download the annex (Excel)')}
          </a>
          {' · '}
          <a href={`/kelola/pelantikan/${encodeURIComponent(event.id)}`}>{tr(lang, 'Ubah atau batalkan (BKPSDM)', 'Amend or void (HR)')}</a>
        </p>

        <section aria-labelledby="ringkasan">
          <h2 id="ringkasan">{tr(lang, 'Ringkasan', 'Summary')}</h2>
          <div class="charts">
            <Chart
              svg={barChart(byEchelon, { ariaLabel: tr(lang, 'Pejabat menurut eselon jabatan baru', 'Officials by echelon of the new post') })}
              caption={tr(lang, 'Menurut eselon: ', 'By echelon: ') + byEchelon.map((d) => `${d.label} ${d.count}`).join(', ')}
            />
            <Chart
              svg={barChart(byKind, { ariaLabel: tr(lang, 'Pejabat menurut jenis mutasi', 'Officials by kind of move') })}
              caption={tr(lang, 'Menurut jenis: ', 'By kind: ') + byKind.map((d) => `${d.label} ${d.count}`).join(', ')}
            />
            <Chart
              svg={barChart(byUnit, { ariaLabel: tr(lang, 'Pejabat menurut unit kerja', 'Officials by unit') })}
              caption={tr(lang, 'Menurut unit kerja: ', 'By unit: ') + byUnit.map((d) => `${d.label} ${d.count}`).join(', ')}
            />
          </div>
        </section>

        <section aria-labelledby="lampiran">
          <h2 id="lampiran">{tr(lang, 'Lampiran', 'Annex')}</h2>
          <form class="filters" method="get" action={`${href.event(event.id)}#lampiran`}>
            <div class="field">
              <label for="filter-q">{tr(lang, 'Saring', 'Filter')}</label>
              <input id="filter-q" name="q" type="search" maxLength={100} value={filter} placeholder={tr(lang, 'nama, jabatan, unit', 'name, post, unit')} />
            </div>
            <div class="field">
              <label for="filter-kind">{tr(lang, 'Jenis', 'Kind')}</label>
              <select id="filter-kind" name="jenis">
                <option value="">{tr(lang, 'Semua', 'All')}</option>
                {TRANSFER_KINDS.filter((k) => s.byKind.some((b) => b.kind === k)).map((k) => (
                  <option value={k} selected={k === kind}>
                    {kindLabel(lang, k)}
                  </option>
                ))}
              </select>
            </div>
            <input type="hidden" name="urut" value={sort} />
            <button type="submit">{tr(lang, 'Terapkan', 'Apply')}</button>
          </form>
          <p role="status" class="muted" id="lampiran-count">
            {tr(lang, `${rows.length} dari ${event.transfers.length} baris`, `${rows.length} of ${event.transfers.length} rows`)}
          </p>
          <div class="table-wrap">
            <table class="lampiran">
              <caption class="visually-hidden">{tr(lang, 'Lampiran keputusan: siapa pindah dari jabatan apa ke jabatan apa', 'The decree’s annex: who moved from which post to which')}</caption>
              <thead>
                <tr>
                  <Th k="no">No</Th>
                  <Th k="nama">{tr(lang, 'Nama', 'Name')}</Th>
                  <Th k="asal">{tr(lang, 'Jabatan lama', 'From')}</Th>
                  <Th k="tujuan">{tr(lang, 'Jabatan baru', 'To')}</Th>
                  <Th k="jenis">{tr(lang, 'Jenis', 'Kind')}</Th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td data-label="No">{r.seq}</td>
                    <td data-label={tr(lang, 'Nama', 'Name')}>
                      <a href={href.official(r.official.id)}>{r.official.displayName}</a>
                    </td>
                    <td data-label={tr(lang, 'Jabatan lama', 'From')}>
                      <PostCell lang={lang} post={r.fromPosition} />
                    </td>
                    <td data-label={tr(lang, 'Jabatan baru', 'To')}>
                      <PostCell lang={lang} post={r.toPosition} />
                    </td>
                    <td data-label={tr(lang, 'Jenis', 'Kind')}>
                      <span>
                        {kindLabel(lang, r.kind)}
                        {r.capacity !== 'DEFINITIVE' && <span class="tag">{capacityLabel(lang, r.capacity)}</span>}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </>
    ),
  };
};
