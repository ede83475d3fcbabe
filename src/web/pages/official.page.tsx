import { today } from '../../common/today.js';
import { OfficialPageDocument, type OfficialPageQuery } from '../gql/graphql.js';
import { formatDay, formatDuration } from '../i18n/dates.js';
import { capacityLabel, employmentLabel, rankLabel } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';
import { PageError, type PageLoader } from '../page.js';
import { timelineChart } from '../views/charts.js';
import { Chart, Facts, PostCell } from '../views/common.js';
import { CapacityTag, DecreeLink, periodLabel, tenureColors } from '../views/tenure.js';

type Step = OfficialPageQuery['official']['appointments'][number];

/** A post's name on the timeline: its title, with its unit when two posts of the career share a title. */
function rowNames(steps: Step[]): Map<string, string> {
  const codesByTitle = new Map<string, Set<string>>();
  for (const s of steps) codesByTitle.set(s.position.title, (codesByTitle.get(s.position.title) ?? new Set()).add(s.position.code));
  return new Map(steps.map((s) => [s.position.code, codesByTitle.get(s.position.title)!.size > 1 ? `${s.position.title} (${s.position.organization.name})` : s.position.title]));
}

/** "Camat Jatisampurna sejak 6 Februari 2026", a held post in a sentence. */
function heldSince(lang: Lang, step: Step): string {
  const capacity = step.capacity === 'DEFINITIVE' ? '' : ` (${capacityLabel(lang, step.capacity)})`;
  return `${step.position.title}${capacity} ${tr(lang, 'sejak', 'since')} ${formatDay(lang, step.startedOn)}`;
}

export const officialPage: PageLoader = async ({ lang, gql }, { id }) => {
  if (!/^\d{1,18}$/.test(id)) throw PageError.notFound();
  const { official } = await gql(OfficialPageDocument, { id });
  const day = today();
  const steps = official.appointments;
  // The definitive post, then any post held beside it (a Plt, a Puskesmas headed by additional task).
  const current = [
    ...(official.currentAppointment ? [official.currentAppointment] : []),
    ...steps.filter((s) => s.capacity !== 'DEFINITIVE' && !s.endedOn && s.startedOn <= day),
  ];
  const names = rowNames(steps);
  const spans = steps.map((s) => ({
    row: names.get(s.position.code)!,
    start: s.startedOn,
    end: s.endedOn,
    kind: capacityLabel(lang, s.capacity),
    label: `${s.position.title}: ${periodLabel(lang, s.startedOn, s.endedOn)} (${capacityLabel(lang, s.capacity)})`,
  }));
  const now = current.length
    ? current.map((s) => heldSince(lang, s)).join('; ')
    : tr(lang, 'tidak memegang jabatan saat ini', 'holds no post today');
  return {
    title: tr(lang, `${official.displayName} — riwayat jabatan`, `${official.displayName} — career`),
    description: tr(
      lang,
      `${official.displayName}: ${now}. Riwayat ${steps.length} jabatan dengan keputusan pelantikannya.`,
      `${official.displayName}: ${now}. ${steps.length} posts held, with the decrees that made them.`,
    ),
    body: (
      <>
        <p class="kicker">{tr(lang, 'Pejabat', 'Official')}</p>
        <h1>{official.displayName}</h1>
        <Facts
          items={[
            [tr(lang, 'Pangkat/golongan', 'Rank'), rankLabel(lang, official.rank)],
            [tr(lang, 'Status kepegawaian', 'Employment'), employmentLabel(lang, official.employment)],
            [
              tr(lang, 'Jabatan sekarang', 'Current post'),
              current.length ? (
                <ul class="plain">
                  {current.map((s) => (
                    <li key={s.id}>
                      <PostCell lang={lang} post={s.position} /> <CapacityTag lang={lang} capacity={s.capacity} />
                      <span class="muted">
                        {' '}
                        {tr(lang, 'sejak', 'since')} {formatDay(lang, s.startedOn)}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <span class="muted">{tr(lang, 'Tidak ada', 'None')}</span>
              ),
            ],
          ]}
        />

        <section aria-labelledby="riwayat">
          <h2 id="riwayat">{tr(lang, 'Riwayat jabatan', 'Career')}</h2>
          {steps.length === 0 ? (
            <p class="muted">{tr(lang, 'Belum ada jabatan tercatat.', 'No post recorded yet.')}</p>
          ) : (
            <>
              <Chart
                svg={timelineChart(spans, {
                  lang,
                  ariaLabel: tr(lang, `Riwayat jabatan ${official.displayName} pada garis waktu`, `${official.displayName}’s career on a timeline`),
                  until: day,
                  colors: tenureColors(
                    lang,
                    steps.map((s) => s.capacity),
                  ),
                })}
                caption={tr(lang, 'Setiap baris satu jabatan; warna menunjukkan kedudukan. Rinciannya dalam tabel di bawah.', 'One row per post; the colour tells the capacity. The table below gives the details.')}
              />
              <div class="table-wrap">
                <table class="stack career">
                  <caption class="visually-hidden">{tr(lang, 'Riwayat jabatan, dari yang terlama', 'Posts held, oldest first')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{tr(lang, 'Jabatan', 'Post')}</th>
                      <th scope="col">{tr(lang, 'Mulai', 'From')}</th>
                      <th scope="col">{tr(lang, 'Sampai', 'Until')}</th>
                      <th scope="col">{tr(lang, 'Kedudukan', 'Capacity')}</th>
                      <th scope="col">{tr(lang, 'Dimulai dengan', 'Started by')}</th>
                      <th scope="col">{tr(lang, 'Diakhiri dengan', 'Ended by')}</th>
                      <th scope="col">{tr(lang, 'Lama', 'Tenure')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {steps.map((s) => (
                      <tr key={s.id}>
                        <td data-label={tr(lang, 'Jabatan', 'Post')}>
                          <div>
                            <PostCell lang={lang} post={s.position} />
                            <br />
                            <span class="muted">{s.position.organization.name}</span>
                          </div>
                        </td>
                        <td data-label={tr(lang, 'Mulai', 'From')}>{formatDay(lang, s.startedOn)}</td>
                        <td data-label={tr(lang, 'Sampai', 'Until')}>{s.endedOn ? formatDay(lang, s.endedOn) : tr(lang, 'sekarang', 'now')}</td>
                        <td data-label={tr(lang, 'Kedudukan', 'Capacity')}>
                          <CapacityTag lang={lang} capacity={s.capacity} />
                        </td>
                        <td data-label={tr(lang, 'Dimulai dengan', 'Started by')}>
                          <DecreeLink lang={lang} transfer={s.startedBy} />
                        </td>
                        <td data-label={tr(lang, 'Diakhiri dengan', 'Ended by')}>
                          <DecreeLink lang={lang} transfer={s.endedBy} />
                        </td>
                        <td data-label={tr(lang, 'Lama', 'Tenure')}>{formatDuration(lang, s.tenureDays)}</td>
                      </tr>
                    ))}
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
