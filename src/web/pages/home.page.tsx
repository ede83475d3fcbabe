import { HomeGovernmentsDocument, HomePageDocument } from '../gql/graphql.js';
import { formatDayLong } from '../i18n/dates.js';
import { tr } from '../i18n/lang.js';
import type { PageLoader } from '../page.js';
import { chosenGovernment, GovernmentSelect, governmentKey, governmentWords, href } from '../views/common.js';

export const homePage: PageLoader = async ({ lang, gql, query }) => {
  const { governments } = await gql(HomeGovernmentsDocument, {});
  // Only a government listed here filters: a stale or mistyped ?pemerintah= is said, not a 404.
  const chosen = chosenGovernment(governments, query.pemerintah);
  const unknown = query.pemerintah?.trim() && !chosen ? query.pemerintah.trim() : undefined;
  const data = await gql(HomePageDocument, { first: 20, government: chosen ? governmentKey(chosen) : null });
  const events = data.rotationEvents.edges.map((e) => e.node);
  const feeds = chosen
    ? { events: href.governmentFeed(chosen, 'events'), corrections: href.governmentFeed(chosen, 'corrections') }
    : { events: '/feeds/events.atom', corrections: '/feeds/corrections.atom' };
  return {
    status: unknown ? 400 : 200,
    title: tr(lang, 'Pelantikan dan mutasi pejabat', 'Swearing-ins and transfers of officials'),
    feed: {
      href: feeds.events,
      title: chosen ? tr(lang, `Pelantikan baru: ${chosen.name} (Atom)`, `New swearing-ins: ${chosen.name} (Atom)`) : tr(lang, 'Pelantikan baru (Atom)', 'New swearing-ins (Atom)'),
    },
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
          <h2 id="latest">{chosen ? tr(lang, `Pelantikan terbaru: ${chosen.name}`, `Latest swearing-ins: ${chosen.name}`) : tr(lang, 'Pelantikan terbaru', 'Latest swearing-ins')}</h2>
          {governments.length > 1 && (
            <form class="filters" method="get" action="/#latest">
              <GovernmentSelect lang={lang} id="home-government" governments={governments} chosen={chosen} />
              <button type="submit">{tr(lang, 'Terapkan', 'Apply')}</button>
            </form>
          )}
          {unknown && (
            <p class="notice error" role="alert">
              {tr(lang, `Tidak ada pemerintah berkode “${unknown}”: semua pelantikan ditampilkan.`, `No government has the code “${unknown}”: every swearing-in is shown.`)}
            </p>
          )}
          <p class="muted" role="status">
            {chosen
              ? tr(lang, `${data.rotationEvents.totalCount} pelantikan menyangkut ${chosen.name}.`, `${data.rotationEvents.totalCount} swearing-ins concern ${chosen.name}.`)
              : tr(lang, `${data.rotationEvents.totalCount} pelantikan di semua pemerintah.`, `${data.rotationEvents.totalCount} swearing-ins across all governments.`)}
          </p>
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
            <a href={feeds.events} type="application/atom+xml">{tr(lang, 'pelantikan baru', 'new swearing-ins')}</a> ·{' '}
            <a href={feeds.corrections} type="application/atom+xml">{tr(lang, 'koreksi', 'corrections')}</a>
          </p>
        </section>
        {governments.length > 0 && (
          <section aria-labelledby="units">
            <h2 id="units">{tr(lang, 'Pemerintah', 'Governments')}</h2>
            <ul class="governments">
              {governments.map((g) => (
                <li key={g.code}>
                  <a href={href.government(g)}>{g.name}</a> <span class="muted">· {governmentWords(lang, g)}</span> ·{' '}
                  <a href={href.vacancies(g.code)}>{tr(lang, 'jabatan kosong', 'vacant posts')}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </>
    ),
  };
};
