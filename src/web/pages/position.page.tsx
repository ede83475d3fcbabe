import { isCalendarDate } from '../../common/scalars/date.scalar.js';
import { today } from '../../common/today.js';
import { PositionPageDocument, type PositionPageQuery } from '../gql/graphql.js';
import { formatDay, formatDayLong, formatDuration } from '../i18n/dates.js';
import { capacityLabel, categoryLabel, echelonLabel, functionalLevelLabel } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';
import { PageError, type PageLoader } from '../page.js';
import { timelineChart, type Span } from '../views/charts.js';
import { Chart, Facts, href } from '../views/common.js';
import { CapacityTag, DecreeLink, periodLabel, tenureColors, vacantLabel } from '../views/tenure.js';

type Position = PositionPageQuery['position'];
type Tenure = Position['appointments'][number];
type Vacancy = Position['vacancies'][number];

/** A post's history as rows of one table: its holders' tenures and the spans it stood empty, by start. */
type Entry = { tenure: Tenure; from: string } | { vacancy: Vacancy; from: string };

function history(p: Position): Entry[] {
  const entries: Entry[] = [...p.appointments.map((tenure) => ({ tenure, from: tenure.startedOn })), ...p.vacancies.map((vacancy) => ({ vacancy, from: vacancy.from }))];
  // On the day a holder leaves, the vacancy comes before whoever acts in it.
  return entries.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 'vacancy' in a ? -1 : 'vacancy' in b ? 1 : 0));
}

/** A holder's name on the timeline; two different officials of the same name kept apart. */
function holderNames(tenures: Tenure[]): Map<string, string> {
  const idsByName = new Map<string, string[]>();
  for (const t of tenures) {
    const ids = idsByName.get(t.official.displayName) ?? [];
    if (!ids.includes(t.official.id)) ids.push(t.official.id);
    idsByName.set(t.official.displayName, ids);
  }
  return new Map(
    tenures.map((t) => {
      const ids = idsByName.get(t.official.displayName)!;
      return [t.official.id, ids.length > 1 ? `${t.official.displayName} (${ids.indexOf(t.official.id) + 1})` : t.official.displayName];
    }),
  );
}

function HolderLine({ lang, tenure }: { lang: Lang; tenure: Tenure }) {
  return (
    <li>
      <a href={href.official(tenure.official.id)}>{tenure.official.displayName}</a> <CapacityTag lang={lang} capacity={tenure.capacity} />
      <span class="muted">
        {' '}
        {tr(lang, 'sejak', 'since')} {formatDay(lang, tenure.startedOn)}
      </span>
    </li>
  );
}

export const positionPage: PageLoader = async ({ lang, gql, query }, { code }) => {
  if (!/^[A-Z0-9][A-Z0-9._-]{0,49}$/.test(code)) throw PageError.notFound();
  const asked = query.tanggal?.trim() || undefined;
  const dayReadable = !asked || isCalendarDate(asked);
  // An unreadable date is said so on the page, which shows today instead of failing.
  const on = asked && dayReadable ? asked : today();
  const { position: p } = await gql(PositionPageDocument, { code, on });
  const { heads, acting } = p.holder;
  const vacantSince = p.vacancies.find((v) => v.from <= on && (!v.to || on < v.to))?.from;
  const entries = history(p);
  const names = holderNames(p.appointments);
  const spans: Span[] = entries.map((e) =>
    'tenure' in e
      ? {
          row: names.get(e.tenure.official.id)!,
          start: e.tenure.startedOn,
          end: e.tenure.endedOn,
          kind: capacityLabel(lang, e.tenure.capacity),
          label: `${e.tenure.official.displayName}: ${periodLabel(lang, e.tenure.startedOn, e.tenure.endedOn)} (${capacityLabel(lang, e.tenure.capacity)})`,
        }
      : { row: vacantLabel(lang), start: e.vacancy.from, end: e.vacancy.to, kind: vacantLabel(lang), label: `${vacantLabel(lang)}: ${periodLabel(lang, e.vacancy.from, e.vacancy.to)}` },
  );
  const heldBy = [...heads, ...acting].map((t) => `${t.official.displayName} (${capacityLabel(lang, t.capacity)})`).join(', ');
  const state = heads.length ? heldBy : `${tr(lang, 'kosong', 'vacant')}${acting.length ? `; ${heldBy}` : ''}`;
  const labels = {
    holder: tr(lang, 'Pejabat', 'Official'),
    from: tr(lang, 'Mulai', 'From'),
    to: tr(lang, 'Sampai', 'Until'),
    capacity: tr(lang, 'Kedudukan', 'Capacity'),
    startedBy: tr(lang, 'Dimulai dengan', 'Started by'),
    endedBy: tr(lang, 'Diakhiri dengan', 'Ended by'),
    tenure: tr(lang, 'Lama', 'Length'),
  };
  return {
    title: tr(lang, `${p.title} — pemegang jabatan`, `${p.title} — holders`),
    description: tr(
      lang,
      `${p.title}, ${p.organization.name}. Pada ${formatDay(lang, on)}: ${state}. Riwayat pemegang jabatan dan masa kosongnya.`,
      `${p.title}, ${p.organization.name}. On ${formatDay(lang, on)}: ${state}. Every holder of the post and when it stood empty.`,
    ),
    body: (
      <>
        <p class="kicker">{tr(lang, 'Jabatan', 'Post')}</p>
        <h1>{p.title}</h1>
        <Facts
          items={[
            [tr(lang, 'Unit kerja', 'Unit'), <a href={href.unit(p.organization.code)}>{p.organization.name}</a>],
            [tr(lang, 'Jenis jabatan', 'Category'), categoryLabel(lang, p.category)],
            [tr(lang, 'Eselon', 'Echelon'), p.echelon ? echelonLabel(lang, p.echelon) : tr(lang, 'Non-eselon', 'No echelon')],
            [tr(lang, 'Jenjang', 'Level'), functionalLevelLabel(lang, p.functionalLevel)],
            [tr(lang, 'Formasi', 'Seats'), String(p.seats)],
            [tr(lang, 'Dibentuk', 'Established'), formatDay(lang, p.establishedOn)],
            [tr(lang, 'Dihapus', 'Abolished'), formatDay(lang, p.abolishedOn)],
          ]}
        />

        <section aria-labelledby="pemegang">
          <h2 id="pemegang">{tr(lang, 'Dipegang pada tanggal', 'Held on a date')}</h2>
          <form class="filters" method="get" action={`${href.post(p.code)}#pemegang`}>
            <div class="field">
              <label for="tanggal">{tr(lang, 'Tanggal', 'Date')}</label>
              <input id="tanggal" name="tanggal" type="date" value={on} required />
            </div>
            <button type="submit">{tr(lang, 'Tampilkan', 'Show')}</button>
          </form>
          {!dayReadable && (
            <p class="notice error" role="alert">
              {tr(
                lang,
                `Tanggal “${asked}” tidak dapat dibaca: tulis sebagai TTTT-BB-HH, mis. 2026-02-06. Yang ditampilkan adalah hari ini.`,
                `The date “${asked}” cannot be read: write it YYYY-MM-DD, e.g. 2026-02-06. Today is shown instead.`,
              )}
            </p>
          )}
          <div class="holder-on" id="pemegang-hari">
            <p>
              <strong>{formatDayLong(lang, on)}</strong>
              {p.seats > 1 && <span class="muted"> · {tr(lang, `${heads.length} dari ${p.seats} formasi terisi`, `${heads.length} of ${p.seats} seats filled`)}</span>}
            </p>
            {heads.length === 0 && (
              <p>
                <span class="tag vacant">{vacantLabel(lang)}</span>
                {vacantSince && (
                  <span class="muted">
                    {' '}
                    {tr(lang, 'sejak', 'since')} {formatDay(lang, vacantSince)}
                  </span>
                )}
              </p>
            )}
            {heads.length + acting.length > 0 && (
              <ul class="plain">
                {[...heads, ...acting].map((t) => (
                  <HolderLine key={t.id} lang={lang} tenure={t} />
                ))}
              </ul>
            )}
          </div>
        </section>

        <section aria-labelledby="riwayat">
          <h2 id="riwayat">{tr(lang, 'Riwayat pemegang', 'Holders over time')}</h2>
          {entries.length === 0 ? (
            <p class="muted">{tr(lang, 'Belum ada pemegang tercatat.', 'No holder recorded yet.')}</p>
          ) : (
            <>
              <Chart
                svg={timelineChart(spans, {
                  lang,
                  ariaLabel: tr(lang, `Pemegang ${p.title} dan masa kosongnya pada garis waktu`, `Holders of ${p.title} and its vacancies on a timeline`),
                  until: today(),
                  colors: tenureColors(
                    lang,
                    p.appointments.map((t) => t.capacity),
                    p.vacancies.length > 0,
                  ),
                })}
                caption={[
                  tr(lang, 'Setiap baris satu pemegang.', 'One row per holder.'),
                  p.vacancies.length > 0 &&
                    tr(
                      lang,
                      'Baris “Kosong” menunjukkan masa jabatan ini tanpa pemegang tetap (Plt atau Plh dapat mengisinya).',
                      'The “Vacant” row shows when the post had no holder of its own (a Plt or Plh may fill it).',
                    ),
                  tr(lang, 'Rinciannya dalam tabel di bawah.', 'The table below gives the details.'),
                ]
                  .filter(Boolean)
                  .join(' ')}
              />
              <div class="table-wrap">
                <table class="stack holders">
                  <caption class="visually-hidden">{tr(lang, 'Pemegang jabatan dan masa kosong, dari yang terlama', 'Holders and vacancies, oldest first')}</caption>
                  <thead>
                    <tr>
                      {Object.values(labels).map((label) => (
                        <th scope="col">{label}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {entries.map((e) =>
                      'tenure' in e ? (
                        <tr key={e.tenure.id}>
                          <td data-label={labels.holder}>
                            <a href={href.official(e.tenure.official.id)}>{e.tenure.official.displayName}</a>
                          </td>
                          <td data-label={labels.from}>{formatDay(lang, e.tenure.startedOn)}</td>
                          <td data-label={labels.to}>{e.tenure.endedOn ? formatDay(lang, e.tenure.endedOn) : tr(lang, 'sekarang', 'now')}</td>
                          <td data-label={labels.capacity}>
                            <CapacityTag lang={lang} capacity={e.tenure.capacity} />
                          </td>
                          <td data-label={labels.startedBy}>
                            <DecreeLink lang={lang} transfer={e.tenure.startedBy} />
                          </td>
                          <td data-label={labels.endedBy}>
                            <DecreeLink lang={lang} transfer={e.tenure.endedBy} />
                          </td>
                          <td data-label={labels.tenure}>{formatDuration(lang, e.tenure.tenureDays)}</td>
                        </tr>
                      ) : (
                        <tr key={`kosong-${e.vacancy.from}`} class="vacancy">
                          <td data-label={labels.holder}>
                            <span class="tag vacant">{vacantLabel(lang)}</span>
                          </td>
                          <td data-label={labels.from}>{formatDay(lang, e.vacancy.from)}</td>
                          <td data-label={labels.to}>{e.vacancy.to ? formatDay(lang, e.vacancy.to) : tr(lang, 'sekarang', 'now')}</td>
                          <td data-label={labels.capacity}>
                            <span class="muted">—</span>
                          </td>
                          <td data-label={labels.startedBy}>
                            <span class="muted">—</span>
                          </td>
                          <td data-label={labels.endedBy}>
                            <span class="muted">—</span>
                          </td>
                          <td data-label={labels.tenure}>{formatDuration(lang, e.vacancy.days)}</td>
                        </tr>
                      ),
                    )}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </section>
      </>
    ),
  };
};
