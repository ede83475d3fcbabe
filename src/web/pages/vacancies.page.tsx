import { VacanciesPageDocument } from '../gql/graphql.js';
import { formatDay, formatDayLong } from '../i18n/dates.js';
import { tr } from '../i18n/lang.js';
import type { PageLoader } from '../page.js';
import { href, PostCell } from '../views/common.js';
import { ActingList, DayForm, Td, dayParam, HolderLink, InvalidDay, NextPage, vacantDays } from '../views/post-on-day.js';

/** Posts without a definitive holder on a day, across a unit and its sub-units. */
export const vacanciesPage: PageLoader = async ({ lang, gql, query }, { code }) => {
  const { day, invalid } = dayParam(query.tanggal);
  const { organization: unit, vacancies } = await gql(VacanciesPageDocument, { code, on: day, after: query.setelah ?? null });
  const posts = vacancies.edges.map((e) => e.node);
  const when = formatDay(lang, day);
  const path = href.vacancies(unit.code);
  return {
    status: invalid ? 400 : 200,
    title: tr(lang, `${vacancies.totalCount} jabatan kosong di ${unit.name} pada ${when}`, `${vacancies.totalCount} vacant posts in ${unit.name} on ${when}`),
    description: tr(
      lang,
      `${vacancies.totalCount} jabatan tanpa pejabat definitif di ${unit.name} dan unit di bawahnya pada ${formatDayLong(lang, day)}: sejak kapan, pejabat terakhir, Plt.`,
      `${vacancies.totalCount} posts without a definitive holder in ${unit.name} and its sub-units on ${formatDayLong(lang, day)}: since when, the last holder, any acting holder.`,
    ),
    body: (
      <>
        <p class="kicker">{tr(lang, 'Jabatan kosong', 'Vacant posts')}</p>
        <h1>
          {tr(lang, `Jabatan kosong di ${unit.name}`, `Vacant posts in ${unit.name}`)}
          <span class="muted"> · {formatDayLong(lang, day)}</span>
        </h1>
        <p>
          <a href={`${href.unit(unit.code)}?tanggal=${day}`}>{tr(lang, `Semua jabatan ${unit.name} pada ${when}`, `All posts of ${unit.name} on ${when}`)}</a>
        </p>
        {invalid && <InvalidDay lang={lang} text={invalid} day={day} />}
        <DayForm lang={lang} action={path} day={day} id="tanggal" />
        <p role="status">
          {tr(
            lang,
            `${vacancies.totalCount} jabatan di unit ini dan unit di bawahnya tanpa pejabat definitif pada ${when}.`,
            `${vacancies.totalCount} posts in this unit and its sub-units without a definitive holder on ${when}.`,
          )}
        </p>
        {posts.length > 0 && (
          <div class="table-wrap">
            <table class="stack vacancies">
              <caption class="visually-hidden">{tr(lang, `Jabatan kosong pada ${when}`, `Vacant posts on ${when}`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{tr(lang, 'Jabatan', 'Post')}</th>
                  <th scope="col">{tr(lang, 'Unit kerja', 'Unit')}</th>
                  <th scope="col">{tr(lang, 'Kosong sejak', 'Vacant since')}</th>
                  <th scope="col">{tr(lang, 'Lama kosong', 'Vacant for')}</th>
                  <th scope="col">{tr(lang, 'Pejabat terakhir', 'Last holder')}</th>
                  <th scope="col">{tr(lang, 'Plt / Plh', 'Acting')}</th>
                </tr>
              </thead>
              <tbody>
                {posts.map((p) => (
                  <tr key={p.position.code}>
                    <Td label={tr(lang, 'Jabatan', 'Post')}>
                      <PostCell lang={lang} post={p.position} />
                    </Td>
                    <Td label={tr(lang, 'Unit kerja', 'Unit')}>
                      <a href={href.unit(p.position.organization.code)}>{p.position.organization.name}</a>
                    </Td>
                    <Td label={tr(lang, 'Kosong sejak', 'Vacant since')}>{p.vacantSince ? formatDay(lang, p.vacantSince) : tr(lang, 'tidak diketahui', 'unknown')}</Td>
                    <Td label={tr(lang, 'Lama kosong', 'Vacant for')}>{p.vacantDays === null ? '—' : vacantDays(lang, p.vacantDays)}</Td>
                    <Td label={tr(lang, 'Pejabat terakhir', 'Last holder')}>
                      {p.lastHolder ? (
                        <>
                          <HolderLink lang={lang} holder={p.lastHolder} />
                          {p.lastHolder.endedOn && <span class="muted"> · {tr(lang, `hingga ${formatDay(lang, p.lastHolder.endedOn)}`, `until ${formatDay(lang, p.lastHolder.endedOn)}`)}</span>}
                        </>
                      ) : (
                        <span class="muted">{tr(lang, 'tidak tercatat', 'none recorded')}</span>
                      )}
                    </Td>
                    <Td label={tr(lang, 'Plt / Plh', 'Acting')}>{p.acting.length ? <ActingList lang={lang} acting={p.acting} /> : <span class="muted">—</span>}</Td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <NextPage lang={lang} path={path} query={query} param="setelah" cursor={vacancies.pageInfo.hasNextPage ? vacancies.pageInfo.endCursor : null} />
      </>
    ),
  };
};
