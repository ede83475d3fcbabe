import { useEffect, useState } from 'preact/hooks';
import { HrAmendEventDocument, HrEventDocument, HrVoidEventDocument, type HrEventQuery, type RotationEventInput } from '../gql/graphql.js';
import { formatDayLong } from '../i18n/dates.js';
import { errorWords } from '../i18n/error-words.js';
import { statusLabel } from '../i18n/labels.js';
import { href } from '../views/common.js';
import { ErrorNotice, Field, fieldWords, lang, mount, NeedsKey, orNull, problemsOf, t, type FieldProblem } from './hr-common.js';
import { gql, type ApiError } from './session.js';

type EventData = HrEventQuery['rotationEvent'];

/** The decree's fields of an event a clerk may correct, with the input each takes. */
const HEADER: { name: keyof RotationEventInput & keyof EventData; id: string; en: string; type?: 'date' | 'time' | 'url'; required?: boolean }[] = [
  { name: 'title', id: 'Judul pelantikan', en: 'Title', required: true },
  { name: 'issuer', id: 'Penerbit keputusan', en: 'Issued by', required: true },
  { name: 'decreeNumber', id: 'Nomor keputusan', en: 'Decree number' },
  { name: 'decreeDate', id: 'Tanggal keputusan', en: 'Decree date', type: 'date' },
  { name: 'swornInOn', id: 'Tanggal pelantikan', en: 'Day of the swearing-in', type: 'date', required: true },
  { name: 'swornInAt', id: 'Jam pelantikan', en: 'Time', type: 'time' },
  { name: 'effectiveOn', id: 'Tanggal berlaku (TMT)', en: 'Effective date', type: 'date' },
  { name: 'location', id: 'Tempat', en: 'Place' },
  { name: 'signatoryName', id: 'Nama penandatangan', en: 'Signed by (name)' },
  { name: 'signatoryTitle', id: 'Jabatan penandatangan', en: 'Signed by (office)' },
  { name: 'sourceUrl', id: 'Sumber (alamat web)', en: 'Source (web address)', type: 'url' },
];

/**
 * An amendment replaces the whole event, lampiran included: the rows are sent back as they
 * are recorded, by ids, so only the header changes.
 */
function amendedInput(event: EventData, header: Record<string, string>): RotationEventInput {
  const value = (name: string) => orNull(header[name] ?? '');
  return {
    title: value('title') ?? '',
    issuer: value('issuer') ?? '',
    swornInOn: value('swornInOn') ?? '',
    decreeNumber: value('decreeNumber'),
    decreeDate: value('decreeDate'),
    swornInAt: value('swornInAt'),
    effectiveOn: value('effectiveOn'),
    location: value('location'),
    signatoryName: value('signatoryName'),
    signatoryTitle: value('signatoryTitle'),
    sourceUrl: value('sourceUrl'),
    transfers: event.transfers.map((r) => ({
      officialId: r.official.id,
      fromPositionId: r.fromPosition?.id ?? null,
      toPositionId: r.toPosition?.id ?? null,
      kind: r.kind,
      capacity: r.capacity,
      note: r.note ?? null,
    })),
  };
}

const headerOf = (event: EventData) => Object.fromEntries(HEADER.map((f) => [f.name, (event[f.name] as string | null) ?? '']));

/** Problems of a lampiran row (index) in words, the row numbered as on the public page. */
function RowProblems({ problems }: { problems: FieldProblem[] }) {
  const rows = problems.filter((p) => p.index !== null && p.index !== undefined);
  if (!rows.length) return null;
  return (
    <ul class="problems">
      {rows.map((p, i) => (
        <li key={i} class={p.severity === 'WARNING' ? 'problem-warning' : 'problem-error'}>
          {t(`Baris ${p.index! + 1}`, `Row ${p.index! + 1}`)}: {errorWords(lang, p.code, p.message)}
        </li>
      ))}
    </ul>
  );
}

function EventTools({ id }: { id: string }) {
  const [event, setEvent] = useState<EventData | null>(null);
  const [loadError, setLoadError] = useState<ApiError[] | null>(null);
  const [reason, setReason] = useState('');
  const [amendReason, setAmendReason] = useState('');
  const [header, setHeader] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<'void' | 'amend' | null>(null);
  const [voidError, setVoidError] = useState<ApiError | null>(null);
  const [amendError, setAmendError] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function load(keepHeader = false) {
    const res = await gql(HrEventDocument, { id });
    if (res.errors?.length || !res.data) return setLoadError(res.errors ?? []);
    setEvent(res.data.rotationEvent);
    if (!keepHeader) setHeader(headerOf(res.data.rotationEvent));
  }

  useEffect(() => {
    void load();
  }, [id]);

  if (loadError) return <ErrorNotice errors={loadError} />;
  if (!event) return <p class="muted">{t('Memuat pelantikan…', 'Loading the swearing-in…')}</p>;

  async function voidEvent(e: Event) {
    e.preventDefault();
    if (!event) return;
    setBusy('void');
    setVoidError(null);
    setDone(null);
    const res = await gql(HrVoidEventDocument, { id: event.id, expectedVersion: event.version, reason: reason.trim() });
    setBusy(null);
    if (res.errors?.length) return setVoidError(res.errors[0]);
    // Said once the page shows the voided event, not before.
    await load();
    setDone(t('Pelantikan ini dibatalkan. Riwayat jabatan disusun ulang tanpanya.', 'This swearing-in is voided. The posts’ history is rebuilt without it.'));
  }

  async function amend(e: Event) {
    e.preventDefault();
    if (!event) return;
    setBusy('amend');
    setAmendError(null);
    setDone(null);
    const res = await gql(HrAmendEventDocument, { id: event.id, expectedVersion: event.version, input: amendedInput(event, header), reason: amendReason.trim() });
    setBusy(null);
    if (res.errors?.length || !res.data) return setAmendError(res.errors?.[0] ?? null);
    const warnings = res.data.amendRotationEvent.warnings.map((w) => errorWords(lang, w.code, w.message));
    const version = res.data.amendRotationEvent.event.version;
    setAmendReason('');
    // The form keeps what the clerk wrote; the version moves on. Said once the page shows it.
    await load(true);
    setDone(t(`Perubahan dicatat (versi ${version}).`, `The amendment is recorded (version ${version}).`) + (warnings.length ? ' ' + t('Perlu dicek: ', 'Worth a look: ') + warnings.join(' ') : ''));
  }

  const amendProblems = problemsOf(amendError);
  const voided = event.status === 'VOIDED';
  return (
    <>
      <h2 id="event-heading">{event.title}</h2>
      <dl class="facts">
        <div>
          <dt>{t('Dilantik', 'Sworn in')}</dt>
          <dd>{formatDayLong(lang, event.swornInOn)}</dd>
        </div>
        <div>
          <dt>{t('Penerbit', 'Issued by')}</dt>
          <dd>{event.issuer}</dd>
        </div>
        <div>
          <dt>{t('Status', 'Status')}</dt>
          <dd>
            {statusLabel(lang, event.status)}
            {event.voidReason ? `: ${event.voidReason}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('Jumlah pejabat', 'Officials')}</dt>
          <dd>{event.transfers.length}</dd>
        </div>
      </dl>
      <p>
        <a href={href.event(event.id)}>{t('Lihat halaman publik pelantikan ini', 'See this swearing-in’s public page')}</a>
      </p>
      {done && (
        <p class="notice ok" role="status">
          {done}
        </p>
      )}
      {voided ? (
        <p class="notice">{t('Pelantikan yang sudah dibatalkan tidak dapat diubah lagi.', 'A voided swearing-in can no longer be changed.')}</p>
      ) : (
        <>
          <section aria-labelledby="amend-heading">
            <h2 id="amend-heading">{t('Ubah data keputusan', 'Amend the decree’s details')}</h2>
            <p class="muted">{t('Lampirannya tetap seperti tercatat; untuk lampiran yang salah, batalkan pelantikan lalu impor lampiran yang benar.', 'The annex stays as recorded; for a wrong annex, void the swearing-in and import the right annex.')}</p>
            <form onSubmit={amend}>
              <ErrorNotice errors={amendError ? [amendError] : null} />
              <RowProblems problems={amendProblems} />
              <div class="form-grid">
                {HEADER.map((f) => (
                  <Field key={f.name} id={`amend-${f.name}`} label={t(f.id, f.en)} error={fieldWords(amendProblems, f.name)}>
                    {(aria) => <input {...aria} name={f.name} type={(f.type ?? 'text') as 'text' /* Preact types each input type apart; all these take text */} required={f.required} value={header[f.name] ?? ''} onInput={(e) => setHeader({ ...header, [f.name]: e.currentTarget.value })} />}
                  </Field>
                ))}
              </div>
              <Field id="amend-reason" label={t('Alasan perubahan (wajib, disimpan di catatan audit)', 'Reason for the amendment (required, kept in the audit log)')} error={fieldWords(amendProblems, 'reason')}>
                {(aria) => <textarea {...aria} name="reason" required rows={2} value={amendReason} onInput={(e) => setAmendReason(e.currentTarget.value)} />}
              </Field>
              <p>
                <button type="submit" disabled={busy !== null}>
                  {busy === 'amend' ? t('Menyimpan…', 'Saving…') : t('Simpan perubahan', 'Save the amendment')}
                </button>
              </p>
            </form>
          </section>
          <section aria-labelledby="void-heading">
            <h2 id="void-heading">{t('Batalkan pelantikan', 'Void the swearing-in')}</h2>
            <p class="muted">{t('Semua mutasi dalam pelantikan ini dihapus dari riwayat jabatan; pelantikannya tetap terlihat sebagai dibatalkan.', 'Every move of this swearing-in leaves the posts’ history; the swearing-in stays visible as voided.')}</p>
            <form onSubmit={voidEvent}>
              <ErrorNotice errors={voidError ? [voidError] : null} />
              <Field id="void-reason" label={t('Alasan pembatalan (wajib, disimpan di catatan audit)', 'Reason for voiding (required, kept in the audit log)')} error={fieldWords(problemsOf(voidError), 'reason')}>
                {(aria) => <textarea {...aria} name="reason" required rows={2} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
              </Field>
              <p>
                <button type="submit" class="danger" disabled={busy !== null}>
                  {busy === 'void' ? t('Membatalkan…', 'Voiding…') : t('Batalkan pelantikan', 'Void the swearing-in')}
                </button>
              </p>
            </form>
          </section>
        </>
      )}
    </>
  );
}

mount(({ root }) => (
  <NeedsKey>
    <EventTools id={root.dataset.event ?? ''} />
  </NeedsKey>
));
