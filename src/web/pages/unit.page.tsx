import { isCalendarDate } from '../../common/scalars/date.scalar.js';
import { GovernmentPageDocument, UnitChangesDocument, UnitPageDocument, type UnitChangesQuery, type UnitPageQuery } from '../gql/graphql.js';
import { formatDay, formatDayLong } from '../i18n/dates.js';
import { governmentTypeLabel, organizationKindLabel } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';
import { PageError, type PageContext, type PageLoader } from '../page.js';
import { Facts, href, PostCell } from '../views/common.js';
import { ActingList, DayForm, Td, dayParam, HolderLink, InvalidDay, NextPage, vacantWords, type Holder } from '../views/post-on-day.js';

type Post = UnitPageQuery['snapshot']['edges'][number]['node'];
type Change = UnitChangesQuery['changes']['edges'][number]['node'];

/** The two days of "what changed", read from `?dari=&sampai=`: nothing asked, a problem in words, or the range. */
type Range = { asked: false } | { asked: true; problem: string } | { asked: true; from: string; to: string };

function rangeOf(lang: Lang, query: PageContext['query']): Range {
  const from = query.dari?.trim();
  const to = query.sampai?.trim();
  if (!from && !to) return { asked: false };
  if (!from || !to) return { asked: true, problem: tr(lang, 'Isi kedua tanggal.', 'Fill in both dates.') };
  const bad = [from, to].find((d) => !isCalendarDate(d));
  if (bad) return { asked: true, problem: tr(lang, `Tanggal “${bad}” tidak dapat dibaca (tulis seperti 2026-02-06).`, `The date “${bad}” could not be read (write it like 2026-02-06).`) };
  if (from > to) return { asked: true, problem: tr(lang, 'Tanggal awal harus sebelum tanggal akhir.', 'The first date must come before the second.') };
  return { asked: true, from, to };
}

/** Who held a post on a day, or that it stood empty. */
function HeldBy({ lang, holder }: { lang: Lang; holder: Holder | null }) {
  return holder ? <HolderLink lang={lang} holder={holder} /> : <span class="tag vacant">{tr(lang, 'Kosong', 'Vacant')}</span>;
}

function PostRow({ lang, post }: { lang: Lang; post: Post }) {
  return (
    <tr>
      <Td label={tr(lang, 'Jabatan', 'Post')}>
        <PostCell lang={lang} post={post.position} />
      </Td>
      <Td label={tr(lang, 'Unit kerja', 'Unit')}>
        <a href={href.unit(post.position.organization.code)}>{post.position.organization.name}</a>
      </Td>
      <Td label={tr(lang, 'Pejabat', 'Holder')}>
        {post.heads.length ? (
          <ul class="plain">
            {post.heads.map((h) => (
              <li key={h.official.id}>
                <HolderLink lang={lang} holder={h} />
                <span class="muted"> · {tr(lang, `sejak ${formatDay(lang, h.startedOn)}`, `since ${formatDay(lang, h.startedOn)}`)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <span class="tag vacant">{vacantWords(lang, post)}</span>
        )}
        <ActingList lang={lang} acting={post.acting} />
      </Td>
    </tr>
  );
}

function ChangeRow({ lang, change }: { lang: Lang; change: Change }) {
  return (
    <tr>
      <Td label={tr(lang, 'Jabatan', 'Post')}>
        <PostCell lang={lang} post={change.position} />
        <span class="muted"> · {change.position.organization.name}</span>
      </Td>
      <Td label={tr(lang, 'Sebelum', 'Before')}>
        {change.existedBefore ? <HeldBy lang={lang} holder={change.before} /> : <span class="tag no-post">{tr(lang, 'Belum ada jabatan', 'No post yet')}</span>}
      </Td>
      <Td label={tr(lang, 'Sesudah', 'After')}>
        {change.existedAfter ? <HeldBy lang={lang} holder={change.after} /> : <span class="tag no-post">{tr(lang, 'Jabatan dihapus', 'Post abolished')}</span>}
      </Td>
    </tr>
  );
}

export const unitPage: PageLoader = async ({ lang, gql, query }, { code }) => {
  const { day, invalid } = dayParam(query.tanggal);
  const range = rangeOf(lang, query);
  const [data, changes] = await Promise.all([
    gql(UnitPageDocument, { code, on: day, after: query.setelah ?? null }),
    range.asked && 'from' in range ? gql(UnitChangesDocument, { code, from: range.from, to: range.to, after: query.perubahan_setelah ?? null }) : null,
  ]);
  const unit = data.organization;
  const posts = data.snapshot.edges.map((e) => e.node);
  const vacant = data.vacancies.totalCount;
  const path = href.unit(unit.code);
  const when = formatDay(lang, day);
  // A government is its own top unit: its type and region code say which instansi it is.
  const isGovernment = !unit.parent;
  const feedHref = isGovernment ? href.governmentFeed(unit, 'events') : undefined;
  return {
    status: invalid ? 400 : 200,
    feed: feedHref ? { href: feedHref, title: tr(lang, `Pelantikan baru: ${unit.name} (Atom)`, `New swearing-ins: ${unit.name} (Atom)`) } : undefined,
    title: `${unit.name} (${when})`,
    description: tr(
      lang,
      `${unit.name}: ${data.snapshot.totalCount} jabatan, ${vacant} kosong pada ${when}.`,
      `${unit.name}: ${data.snapshot.totalCount} posts, ${vacant} vacant on ${when}.`,
    ),
    body: (
      <>
        <p class="kicker">{isGovernment ? tr(lang, `Pemerintah · ${governmentTypeLabel(lang, unit.governmentType)}`, `Government · ${governmentTypeLabel(lang, unit.governmentType)}`) : organizationKindLabel(lang, unit.kind)}</p>
        <h1>{unit.name}</h1>
        <Facts
          items={[
            [tr(lang, 'Kode', 'Code'), unit.code],
            [tr(lang, 'Kode wilayah', 'Region code'), unit.regionCode],
            [tr(lang, 'Jenis', 'Kind'), isGovernment ? governmentTypeLabel(lang, unit.governmentType) : organizationKindLabel(lang, unit.kind)],
            [tr(lang, 'Di bawah', 'Part of'), unit.parent ? <a href={href.unit(unit.parent.code)}>{unit.parent.name}</a> : null],
            [
              tr(lang, 'Pemerintah', 'Government'),
              // Deeper than a dinas: the parent alone no longer says which government.
              isGovernment || unit.parent?.code === unit.government.code ? null : <a href={href.government(unit.government)}>{unit.government.name}{unit.government.regionCode ? ` (${unit.government.regionCode})` : ''}</a>,
            ],
          ]}
        />
        {feedHref && (
          <p class="muted">
            {tr(lang, 'Ikuti lewat pembaca feed: ', 'Follow in a feed reader: ')}
            <a href={feedHref} type="application/atom+xml">{tr(lang, 'pelantikan baru', 'new swearing-ins')}</a> ·{' '}
            <a href={href.governmentFeed(unit, 'corrections')} type="application/atom+xml">{tr(lang, 'koreksi', 'corrections')}</a>
          </p>
        )}
        <p>
          <a href={`${href.vacancies(unit.code)}?tanggal=${day}`}>{tr(lang, `Jabatan kosong pada ${when} (${vacant})`, `Vacant posts on ${when} (${vacant})`)}</a>
        </p>

        {unit.children.length > 0 && (
          <section aria-labelledby="sub-unit">
            <h2 id="sub-unit">{tr(lang, 'Unit di bawahnya', 'Sub-units')}</h2>
            <ul class="columns">
              {unit.children.map((c) => (
                <li key={c.code}>
                  <a href={href.unit(c.code)}>{c.name}</a> <span class="muted">· {organizationKindLabel(lang, c.kind)}</span>
                </li>
              ))}
            </ul>
          </section>
        )}

        <section aria-labelledby="jabatan">
          <h2 id="jabatan">{tr(lang, `Jabatan pada ${formatDayLong(lang, day)}`, `Posts on ${formatDayLong(lang, day)}`)}</h2>
          {invalid && <InvalidDay lang={lang} text={invalid} day={day} />}
          <DayForm lang={lang} action={`${path}#jabatan`} day={day} id="tanggal" keep={{ dari: query.dari, sampai: query.sampai }} />
          <p class="muted">
            {tr(
              lang,
              `${data.snapshot.totalCount} jabatan di unit ini dan unit di bawahnya, ${vacant} tanpa pejabat definitif.`,
              `${data.snapshot.totalCount} posts in this unit and its sub-units, ${vacant} without a definitive holder.`,
            )}
          </p>
          {posts.length > 0 && (
            <div class="table-wrap">
              <table class="stack">
                <caption class="visually-hidden">{tr(lang, `Jabatan dan pejabatnya pada ${when}`, `Posts and their holders on ${when}`)}</caption>
                <thead>
                  <tr>
                    <th scope="col">{tr(lang, 'Jabatan', 'Post')}</th>
                    <th scope="col">{tr(lang, 'Unit kerja', 'Unit')}</th>
                    <th scope="col">{tr(lang, 'Pejabat', 'Holder')}</th>
                  </tr>
                </thead>
                <tbody>
                  {posts.map((p) => (
                    <PostRow key={p.position.code} lang={lang} post={p} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <NextPage lang={lang} path={path} query={query} param="setelah" cursor={data.snapshot.pageInfo.hasNextPage ? data.snapshot.pageInfo.endCursor : null} anchor="jabatan" />
        </section>

        <section aria-labelledby="perubahan">
          <h2 id="perubahan">{tr(lang, 'Perubahan antara dua tanggal', 'Changes between two dates')}</h2>
          <p class="muted">{tr(lang, 'Jabatan yang pejabat definitifnya berbeda pada kedua tanggal.', 'Posts whose definitive holder differs between the two dates.')}</p>
          <form class="filters" method="get" action={`${path}#perubahan`}>
            <input type="hidden" name="tanggal" value={day} />
            <div class="field">
              <label for="dari">{tr(lang, 'Dari tanggal', 'From')}</label>
              <input id="dari" name="dari" type="date" value={range.asked && 'from' in range ? range.from : ''} required />
            </div>
            <div class="field">
              <label for="sampai">{tr(lang, 'Sampai tanggal', 'To')}</label>
              <input id="sampai" name="sampai" type="date" value={range.asked && 'to' in range ? range.to : ''} required />
            </div>
            <button type="submit">{tr(lang, 'Bandingkan', 'Compare')}</button>
          </form>
          {range.asked && 'problem' in range && (
            <p class="notice error" role="alert">
              {range.problem}
            </p>
          )}
          {changes && 'from' in range && (
            <>
              <p role="status">
                {tr(
                  lang,
                  `${changes.changes.totalCount} jabatan berganti pejabat, dibentuk atau dihapus antara ${formatDay(lang, range.from)} dan ${formatDay(lang, range.to)}.`,
                  `${changes.changes.totalCount} posts changed holder, were established or were abolished between ${formatDay(lang, range.from)} and ${formatDay(lang, range.to)}.`,
                )}
              </p>
              {changes.changes.totalCount > 0 && (
                <div class="table-wrap">
                  <table class="stack changes">
                    <caption class="visually-hidden">{tr(lang, 'Pejabat sebelum dan sesudah, per jabatan', 'Holder before and after, per post')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{tr(lang, 'Jabatan', 'Post')}</th>
                        <th scope="col">{tr(lang, `Pejabat pada ${formatDay(lang, range.from)}`, `Holder on ${formatDay(lang, range.from)}`)}</th>
                        <th scope="col">{tr(lang, `Pejabat pada ${formatDay(lang, range.to)}`, `Holder on ${formatDay(lang, range.to)}`)}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {changes.changes.edges.map((e) => (
                        <ChangeRow key={e.node.position.code} lang={lang} change={e.node} />
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
              <NextPage
                lang={lang}
                path={path}
                query={query}
                param="perubahan_setelah"
                cursor={changes.changes.pageInfo.hasNextPage ? changes.changes.pageInfo.endCursor : null}
                anchor="perubahan"
              />
            </>
          )}
        </section>
      </>
    ),
  };
};

/** `/pemerintah/32.75`: the page of the government's top unit, found by region code (or code). */
export const governmentPage: PageLoader = async (ctx, { region }) => {
  const data = await ctx.gql(GovernmentPageDocument, { government: region });
  const top = data.organizations.edges[0]?.node;
  if (!top) throw PageError.notFound();
  return unitPage(ctx, { code: top.code });
};
