import { SearchPageDocument } from '../gql/graphql.js';
import { capacityLabel, organizationKindLabel } from '../i18n/labels.js';
import { tr, type Lang } from '../i18n/lang.js';
import type { PageLoader } from '../page.js';
import { governmentWords, href, PostCell, type GovernmentLike } from '../views/common.js';

/** Which government a result belongs to: search spans them all, and two may have a "Dinas Kesehatan". */
function GovernmentOf({ government }: { government: GovernmentLike }) {
  return (
    <span class="tag government">
      <a href={href.government(government)}>
        {government.name}
        {government.regionCode ? ` (${government.regionCode})` : ''}
      </a>
    </span>
  );
}

function SearchForm({ lang, q }: { lang: Lang; q: string }) {
  return (
    <form class="search big" action="/cari" method="get" role="search">
      <label for="search-q">{tr(lang, 'Cari pejabat, jabatan atau unit kerja', 'Search officials, posts or units')}</label>
      <div class="row">
        <input id="search-q" name="q" type="search" maxLength={100} value={q} required placeholder={tr(lang, 'mis. Puskesmas Jatiraden, Camat Bekasi Utara', 'e.g. Puskesmas Jatiraden')} />
        <button type="submit">{tr(lang, 'Cari', 'Search')}</button>
      </div>
    </form>
  );
}

/** Officials, posts and units matching the words: the header's and the home page's search box. */
export const searchPage: PageLoader = async ({ lang, gql, query }) => {
  const q = (query.q ?? '').trim();
  if (!q) {
    return {
      title: tr(lang, 'Cari', 'Search'),
      description: tr(lang, 'Cari pejabat, jabatan atau unit kerja di semua pemerintah.', 'Search the officials, posts and units of every government.'),
      body: (
        <>
          <h1>{tr(lang, 'Cari', 'Search')}</h1>
          <SearchForm lang={lang} q="" />
          <p class="muted">{tr(lang, 'Tulis nama pejabat, nama jabatan atau unit kerja.', 'Type an official’s name, a post’s title or a unit.')}</p>
        </>
      ),
    };
  }
  const data = await gql(SearchPageDocument, { q });
  const officials = data.officials.edges.map((e) => e.node);
  const posts = data.positions.edges.map((e) => e.node);
  const units = data.organizations.edges.map((e) => e.node);
  const total = officials.length + posts.length + units.length;
  const none = (what: string) => <p class="muted">{what}</p>;
  return {
    title: tr(lang, `Pencarian “${q}”`, `Search “${q}”`),
    description: tr(
      lang,
      `${officials.length} pejabat, ${posts.length} jabatan, ${units.length} unit kerja untuk “${q}”.`,
      `${officials.length} officials, ${posts.length} posts, ${units.length} units for “${q}”.`,
    ),
    body: (
      <>
        <h1>{tr(lang, `Hasil pencarian “${q}”`, `Results for “${q}”`)}</h1>
        <SearchForm lang={lang} q={q} />
        <p role="status">
          {total === 0
            ? tr(lang, `Tidak ada pejabat, jabatan atau unit kerja yang cocok dengan “${q}”.`, `No official, post or unit matches “${q}”.`)
            : tr(lang, `Dicari: “${q}”.`, `Searched: “${q}”.`)}{' '}
          <span class="muted">
            {tr(
              lang,
              'Nama pejabat dicari tanpa gelar, dan nama maupun jabatan juga dengan ejaan yang mirip; unit kerja menurut bagian nama atau kodenya.',
              'Names are searched without titles, and names and posts also by near spellings; units by part of their name or code.',
            )}
          </span>
        </p>

        <section aria-labelledby="hasil-pejabat">
          <h2 id="hasil-pejabat">{tr(lang, `Pejabat (${officials.length})`, `Officials (${officials.length})`)}</h2>
          {officials.length === 0
            ? none(tr(lang, 'Tidak ada pejabat yang cocok.', 'No official matches.'))
            : (
                <ul class="results">
                  {officials.map((o) => (
                    <li key={o.id}>
                      <a href={href.official(o.id)}>{o.displayName}</a>
                      <div class="muted">
                        {o.currentAppointment ? (
                          <>
                            <PostCell lang={lang} post={o.currentAppointment.position} /> · {o.currentAppointment.position.organization.name}{' '}
                            <GovernmentOf government={o.currentAppointment.position.organization.government} />
                            {o.currentAppointment.capacity !== 'DEFINITIVE' && <span class="tag">{capacityLabel(lang, o.currentAppointment.capacity)}</span>}
                          </>
                        ) : (
                          tr(lang, 'Tidak memegang jabatan definitif hari ini', 'Holds no definitive post today')
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
        </section>

        <section aria-labelledby="hasil-jabatan">
          <h2 id="hasil-jabatan">{tr(lang, `Jabatan (${posts.length})`, `Posts (${posts.length})`)}</h2>
          {posts.length === 0
            ? none(tr(lang, 'Tidak ada jabatan yang cocok.', 'No post matches.'))
            : (
                <ul class="results">
                  {posts.map((p) => (
                    <li key={p.code}>
                      <PostCell lang={lang} post={p} />
                      <div>
                        <a href={href.unit(p.organization.code)}>{p.organization.name}</a> <GovernmentOf government={p.organization.government} />
                      </div>
                    </li>
                  ))}
                </ul>
              )}
        </section>

        <section aria-labelledby="hasil-unit">
          <h2 id="hasil-unit">{tr(lang, `Unit kerja (${units.length})`, `Units (${units.length})`)}</h2>
          {units.length === 0
            ? none(tr(lang, 'Tidak ada unit kerja yang cocok.', 'No unit matches.'))
            : (
                <ul class="results">
                  {units.map((u) => (
                    <li key={u.code}>
                      <a href={u.parent ? href.unit(u.code) : href.government(u)}>{u.name}</a>
                      <div class="muted">
                        {u.parent ? (
                          <>
                            {organizationKindLabel(lang, u.kind)} · {tr(lang, 'di bawah', 'part of')} {u.parent.name} <GovernmentOf government={u.government} />
                          </>
                        ) : (
                          `${tr(lang, 'Pemerintah', 'Government')} · ${governmentWords(lang, u)}`
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )}
        </section>
      </>
    ),
  };
};
