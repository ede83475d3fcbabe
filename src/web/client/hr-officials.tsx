import { useEffect, useState } from 'preact/hooks';
import { HrOfficialsDocument, type HrOfficialsQuery } from '../gql/graphql.js';
import { formatDay } from '../i18n/dates.js';
import { employmentLabel, genderLabel } from '../i18n/labels.js';
import { href } from '../views/common.js';
import { ErrorNotice, lang, mount, NeedsKey, t } from './hr-common.js';
import { gql, type ApiError } from './session.js';

type Official = HrOfficialsQuery['officials']['edges'][number]['node'];

/** Officials by name, with the personal data an HR key may see (NIP, birth date, gender). */
function Lookup() {
  // The search is in the URL (?q=), so a lookup can be linked; the key never is.
  const [q, setQ] = useState(new URLSearchParams(location.search).get('q') ?? '');
  const [found, setFound] = useState<Official[] | null>(null);
  const [error, setError] = useState<ApiError[] | null>(null);
  const [busy, setBusy] = useState(false);

  async function search(words: string) {
    if (!words.trim()) return;
    setBusy(true);
    setError(null);
    const res = await gql(HrOfficialsDocument, { search: words.trim() });
    setBusy(false);
    if (res.errors?.length || !res.data) return setError(res.errors ?? []);
    setFound(res.data.officials.edges.map((e) => e.node));
  }

  useEffect(() => {
    void search(q);
  }, []);

  function submit(e: Event) {
    e.preventDefault();
    history.replaceState(null, '', `?q=${encodeURIComponent(q.trim())}`);
    void search(q);
  }

  return (
    <>
      <form class="filters" role="search" onSubmit={submit}>
        <div class="field">
          <label for="official-search">{t('Nama pejabat', 'Name of the official')}</label>
          <input id="official-search" type="search" required value={q} onInput={(e) => setQ(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t('Mencari…', 'Searching…') : t('Cari', 'Search')}
        </button>
      </form>
      <ErrorNotice errors={error} />
      {found && (
        <>
          <p role="status" class="muted">
            {t(`${found.length} pejabat ditemukan`, `${found.length} officials found`)}
          </p>
          {found.length > 0 && (
            <div class="table-wrap">
              <table class="stack officials">
                <caption class="visually-hidden">{t('Pejabat yang ditemukan, dengan data pribadi', 'Officials found, with personal data')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('Nama', 'Name')}</th>
                    <th scope="col">NIP</th>
                    <th scope="col">{t('Tanggal lahir', 'Birth date')}</th>
                    <th scope="col">{t('Jenis kelamin', 'Gender')}</th>
                    <th scope="col">{t('Kepegawaian', 'Employment')}</th>
                    <th scope="col">{t('Jabatan sekarang', 'Post today')}</th>
                  </tr>
                </thead>
                <tbody>
                  {found.map((o) => (
                    <tr key={o.id}>
                      <td data-label={t('Nama', 'Name')}>
                        <a href={href.official(o.id)}>{o.displayName}</a>
                      </td>
                      <td data-label="NIP">{o.nip ?? '—'}</td>
                      <td data-label={t('Tanggal lahir', 'Birth date')}>{formatDay(lang, o.birthDate) || '—'}</td>
                      <td data-label={t('Jenis kelamin', 'Gender')}>{genderLabel(lang, o.gender) || '—'}</td>
                      <td data-label={t('Kepegawaian', 'Employment')}>{employmentLabel(lang, o.employment)}</td>
                      <td data-label={t('Jabatan sekarang', 'Post today')}>
                        {o.currentAppointment ? <a href={href.post(o.currentAppointment.position.code)}>{o.currentAppointment.position.title}</a> : <span class="muted">—</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </>
  );
}

mount(() => (
  <NeedsKey>
    <Lookup />
  </NeedsKey>
));
