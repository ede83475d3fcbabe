import { useEffect, useState } from 'preact/hooks';
import { HrKeyCheckDocument } from '../gql/graphql.js';
import { ErrorNotice, mount, t } from './hr-common.js';
import { gql, session, type ApiError } from './session.js';

type State = { kind: 'signedOut' } | { kind: 'checking' } | { kind: 'hr' } | { kind: 'refused'; error: ApiError };

/** Asks the API something only an HR key may ask (the latest imports): the answer says what the key is. */
async function checkKey(): Promise<State> {
  try {
    const res = await gql(HrKeyCheckDocument, {});
    if (!res.errors?.length) return { kind: 'hr' };
    return { kind: 'refused', error: res.errors[0] };
  } catch {
    return { kind: 'refused', error: { message: 'network', extensions: { code: 'NETWORK' } } };
  }
}

function refusal(error: ApiError): string {
  switch (error.extensions?.code) {
    case 'FORBIDDEN':
      return t('Kunci ini sah, tetapi bukan kunci BKPSDM (HR): ruang kerja ini hanya untuk kunci BKPSDM.', 'This key is valid but is not an HR key: this workspace is for HR keys only.');
    case 'UNAUTHENTICATED':
      return t('Kunci ini tidak dikenal atau sudah dicabut. Periksa apakah kunci tersalin utuh.', 'This key is not known or has been revoked. Check that the whole key was copied.');
    default:
      return '';
  }
}

function SignIn() {
  const [state, setState] = useState<State>(session.key() ? { kind: 'checking' } : { kind: 'signedOut' });
  const [key, setKey] = useState('');

  useEffect(() => {
    if (session.key()) void checkKey().then(settle);
  }, []);

  function settle(next: State) {
    // A key the workspace cannot use is not kept.
    if (next.kind === 'refused') session.signOut();
    setState(next);
  }

  async function submit(e: Event) {
    e.preventDefault();
    // A key copied with its header ("Bearer …") is the same key.
    const pasted = key.trim().replace(/^Bearer\s+/i, '');
    if (!pasted) return;
    session.signIn(pasted);
    setKey('');
    setState({ kind: 'checking' });
    settle(await checkKey());
  }

  function signOut() {
    session.signOut();
    setState({ kind: 'signedOut' });
  }

  if (state.kind === 'checking') {
    return (
      <p role="status" class="muted">
        {t('Memeriksa kunci…', 'Checking the key…')}
      </p>
    );
  }
  if (state.kind === 'hr') {
    return (
      <div>
        <p class="notice ok" role="status">
          {t('Anda masuk dengan kunci BKPSDM (HR): Anda dapat mengimpor lampiran, mengubah atau membatalkan pelantikan, dan mencatat unit, jabatan dan pejabat.', 'You are signed in with an HR key: you may import annexes, amend or void swearing-ins, and record units, posts and officials.')}
        </p>
        <ul>
          <li>
            <a href="/kelola/impor">{t('Impor lampiran keputusan', 'Import a decree’s annex')}</a>
          </li>
          <li>
            <a href="/kelola/baru">{t('Catat unit, jabatan atau pejabat baru', 'Record a new unit, post or official')}</a>
          </li>
          <li>
            <a href="/kelola/pejabat">{t('Cari pejabat (dengan NIP dan tanggal lahir)', 'Find an official (with NIP and birth date)')}</a>
          </li>
          <li>
            {t('Untuk mengubah atau membatalkan pelantikan, buka pelantikannya dari ', 'To amend or void a swearing-in, open it from ')}
            <a href="/">{t('daftar pelantikan', 'the list of swearing-ins')}</a>
            {t(' lalu pilih “Ubah atau batalkan”.', ' and choose “Amend or void”.')}
          </li>
        </ul>
        <button type="button" class="secondary" onClick={signOut}>
          {t('Keluar', 'Sign out')}
        </button>
      </div>
    );
  }
  const refused = state.kind === 'refused' ? state.error : null;
  return (
    <form class="hr-signin" onSubmit={submit}>
      {refused && (refusal(refused) ? <p class="notice error" role="alert">{refusal(refused)}</p> : <ErrorNotice errors={[refused]} />)}
      <div class="field">
        <label for="hr-key">{t('Kunci API', 'API key')}</label>
        <input id="hr-key" type="password" autocomplete="off" spellcheck={false} required value={key} onInput={(e) => setKey(e.currentTarget.value)} />
      </div>
      <p>
        <button type="submit">{t('Masuk', 'Sign in')}</button>
      </p>
    </form>
  );
}

mount(SignIn);
