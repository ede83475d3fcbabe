import { HomePageDocument } from '../gql/graphql.js';
import { formatDayLong } from '../i18n/dates.js';
import { tr } from '../i18n/lang.js';
import type { PageLoader } from '../page.js';

export const homePage: PageLoader = async ({ lang, gql }) => {
  const data = await gql(HomePageDocument, { first: 20 });
  const events = data.rotationEvents.edges.map((e) => e.node);
  const units = data.organizations.edges.map((e) => e.node);
  return {
    title: tr(lang, 'Pelantikan dan mutasi pejabat', 'Swearing-ins and transfers of officials'),
    feed: { href: '/feeds/events.atom', title: tr(lang, 'Pelantikan baru (Atom)', 'New swearing-ins (Atom)') },
    description: tr(
      lang,
      `Siapa dilantik ke jabatan apa: ${data.rotationEvents.totalCount} pelantikan tercatat, riwayat setiap pejabat dan jabatan.`,
      `Who was sworn in to which post: ${data.rotationEvents.totalCount} swearing-ins recorded, every official’s and post’s history.`,
    ),
    body: (
      <>
        <h1>{tr(lang, 'Pelantikan dan mutasi pejabat', 'Swearing-ins and transfers of officials')}</h1>
        <form class="search big" action="/cari" method="get" role="search">
          <label for="home-search">{tr(lang, 'Cari pejabat, jabatan atau unit kerja', 'Search officials, posts or units')}</label>
          <div class="row">
            <input id="home-search" name="q" type="search" maxLength={100} required placeholder={tr(lang, 'mis. Puskesmas Jatiraden, Camat Bekasi Utara', 'e.g. Puskesmas Jatiraden')} />
            <button type="submit">{tr(lang, 'Cari', 'Search')}</button>
          </div>
        </form>
        <section aria-labelledby="latest">
          <h2 id="latest">{tr(lang, 'Pelantikan terbaru', 'Latest swearing-ins')}</h2>
          <ul class="cards">
            {events.map((e) => (
              <li class="card" key={e.id}>
                <a href={`/pelantikan/${e.id}`}>{e.title}</a>
                <p>
                  {formatDayLong(lang, e.swornInOn)}
                  {e.location ? ` · ${e.location}` : ''}
                </p>
                <p class="muted">
                  {tr(lang, `${e.summary.transfers} pejabat`, `${e.summary.transfers} officials`)}
                </p>
              </li>
            ))}
          </ul>
          <p class="muted">
            {tr(lang, 'Ikuti lewat pembaca feed: ', 'Follow in a feed reader: ')}
            <a href="/feeds/events.atom" type="application/atom+xml">{tr(lang, 'pelantikan baru', 'new swearing-ins')}</a> ·{' '}
            <a href="/feeds/corrections.atom" type="application/atom+xml">{tr(lang, 'koreksi', 'corrections')}</a>
          </p>
        </section>
        {units.length > 0 && (
          <section aria-labelledby="units">
            <h2 id="units">{tr(lang, 'Pemerintah daerah', 'Governments')}</h2>
            <ul>
              {units.map((u) => (
                <li key={u.code}>
                  <a href={`/unit/${encodeURIComponent(u.code)}`}>{u.name}</a> ·{' '}
                  <a href={`/unit/${encodeURIComponent(u.code)}/jabatan-kosong`}>{tr(lang, 'jabatan kosong', 'vacant posts')}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </>
    ),
  };
};
