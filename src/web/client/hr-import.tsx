import { useState } from 'preact/hooks';
import { errorWords } from '../i18n/error-words.js';
import { severityLabel } from '../i18n/labels.js';
import { ErrorNotice, mount, NeedsKey, problemsOf, restCall, t, lang } from './hr-common.js';
import type { ApiError } from './session.js';

/** The answer of POST /imports and of its commit (imports.controller.ts). */
interface Candidate {
  code: string;
  title: string;
  unit: string;
  score: number;
}
interface Problem {
  code: string;
  severity: 'ERROR' | 'WARNING';
  sheetRow: number | null;
  column: string | null;
  header: string | null;
  value: string | null;
  message: string;
  field?: string | null;
  candidates?: Candidate[] | null;
}
interface DryRun {
  import: { id: string; status: string; fileName: string; eventId: string | null; columns: { column: string; header: string; field: string }[]; rowCount: number; errorCount: number; warningCount: number };
  valid: boolean;
  problems: Problem[];
  rows: { sheetRow: number; cells: Record<string, string>; transfer: Record<string, unknown> | null; problems: Problem[] }[];
}

/** The decree's fields the upload takes beside the file, as the form asks them. */
const FIELDS: { name: string; id: string; en: string; type?: 'date' | 'time' | 'url' }[] = [
  { name: 'title', id: 'Judul pelantikan', en: 'Title of the swearing-in' },
  { name: 'issuer', id: 'Penerbit keputusan', en: 'Issued by' },
  { name: 'decreeNumber', id: 'Nomor keputusan', en: 'Decree number' },
  { name: 'decreeDate', id: 'Tanggal keputusan', en: 'Decree date', type: 'date' },
  { name: 'swornInOn', id: 'Tanggal pelantikan', en: 'Day of the swearing-in', type: 'date' },
  { name: 'swornInAt', id: 'Jam pelantikan', en: 'Time of the swearing-in', type: 'time' },
  { name: 'effectiveOn', id: 'Tanggal berlaku (TMT)', en: 'Effective date', type: 'date' },
  { name: 'location', id: 'Tempat', en: 'Place' },
  { name: 'signatoryName', id: 'Nama penandatangan', en: 'Signed by (name)' },
  { name: 'signatoryTitle', id: 'Jabatan penandatangan', en: 'Signed by (office)' },
  { name: 'sourceUrl', id: 'Sumber (alamat web)', en: 'Source (web address)', type: 'url' },
  { name: 'sheet', id: 'Nama lembar (bila lebih dari satu)', en: 'Sheet name (if several)' },
];

type Confirmations = Record<number, { field: string; code: string }>;

const isProposal = (p: Problem) => p.code === 'POST_PROPOSED' && !!p.candidates?.length;

/** One problem in words, with the cell's value and the API's own details for who needs them. */
function ProblemText({ p, withRow }: { p: Problem; withRow?: boolean }) {
  const where = [withRow && p.sheetRow !== null ? t(`Baris ${p.sheetRow}`, `Row ${p.sheetRow}`) : '', p.column ? t(`kolom ${p.column}`, `column ${p.column}`) + (p.header ? ` (${p.header})` : '') : p.header ? p.header : '']
    .filter(Boolean)
    .join(', ');
  return (
    <>
      <strong>{severityLabel(lang, p.severity)}</strong>
      {where ? ` · ${where}` : ''}: {errorWords(lang, p.code, p.message)}
      {p.value ? (
        <span class="muted">
          {' '}
          {t('Tertulis', 'Written')}: “{p.value}”
        </span>
      ) : null}
      <details>
        <summary>{t('Rincian', 'Details')}</summary>
        {p.message}
      </details>
    </>
  );
}

function ImportForm() {
  const [fields, setFields] = useState<Record<string, string>>({});
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<'checking' | 'committing' | null>(null);
  const [result, setResult] = useState<DryRun | null>(null);
  const [errors, setErrors] = useState<ApiError[] | null>(null);
  const [confirm, setConfirm] = useState<Confirmations>({});
  const [confirmAll, setConfirmAll] = useState(false);

  async function check(e: Event) {
    e.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    for (const [k, v] of Object.entries(fields)) if (v.trim()) form.append(k, v.trim());
    setBusy('checking');
    setErrors(null);
    const res = await restCall<DryRun>('/imports', { method: 'POST', body: form });
    setBusy(null);
    // The clerk's fields stay as typed whatever the answer; only the sheet shown changes.
    if (res.error) return setErrors([res.error]);
    setResult(res.data!);
    setConfirm({});
    setConfirmAll(false);
  }

  async function commit() {
    if (!result) return;
    const body = {
      confirm: Object.fromEntries(Object.entries(confirm).map(([row, c]) => [row, { [c.field]: c.code }])),
      confirmAllProposals: confirmAll,
    };
    setBusy('committing');
    setErrors(null);
    const res = await restCall<DryRun>(`/imports/${encodeURIComponent(result.import.id)}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (res.data?.import.eventId) {
      location.assign(`/pelantikan/${encodeURIComponent(res.data.import.eventId)}`);
      return;
    }
    setBusy(null);
    setErrors([res.error ?? { message: 'no event', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
  }

  const errorsLeft = result
    ? result.problems.filter((p) => p.severity === 'ERROR' && !(isProposal(p) && p.sheetRow !== null && (confirmAll || confirm[p.sheetRow])))
    : [];
  const commitProblems = problemsOf(errors?.[0]) as unknown as Problem[];

  return (
    <>
      <form class="hr-import" onSubmit={check} aria-describedby="import-help">
        <p id="import-help" class="muted">
          {t(
            'Data keputusan boleh dikosongkan bila sudah tertulis di atas tabel lampiran (Nomor, Tanggal…). Judul, penerbit dan tanggal pelantikan wajib ada di salah satunya.',
            'The decree’s fields may be left empty when they are written above the annex table (Nomor, Tanggal…). Title, issuer and day of the swearing-in must be in one or the other.',
          )}
        </p>
        <div class="field">
          <label for="import-file">{t('Berkas lampiran (.xlsx atau .csv)', 'Annex file (.xlsx or .csv)')}</label>
          <input id="import-file" name="file" type="file" required accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        </div>
        <fieldset>
          <legend>{t('Data keputusan', 'The decree')}</legend>
          <div class="form-grid">
            {FIELDS.map((f) => (
              <div class="field" key={f.name}>
                <label for={`import-${f.name}`}>{t(f.id, f.en)}</label>
                <input id={`import-${f.name}`} name={f.name} type={(f.type ?? 'text') as 'text' /* Preact types each input type apart; all these take text */} value={fields[f.name] ?? ''} onInput={(e) => setFields({ ...fields, [f.name]: e.currentTarget.value })} />
              </div>
            ))}
          </div>
        </fieldset>
        <p>
          <button type="submit" disabled={busy !== null}>
            {busy === 'checking' ? t('Memeriksa…', 'Checking…') : result ? t('Periksa berkas lagi', 'Check the file again') : t('Periksa berkas', 'Check the file')}
          </button>{' '}
          <a href="/imports/template.xlsx" download>
            {t('Unduh templat lampiran', 'Download an annex template')}
          </a>
        </p>
        <p role="status" class="muted">
          {busy === 'checking' ? t('Memeriksa… setiap baris dibaca dan dicocokkan dengan riwayat.', 'Checking… every row is read and matched against the history.') : busy === 'committing' ? t('Mencatat…', 'Recording…') : ''}
        </p>
      </form>

      <ErrorNotice errors={errors} />
      {commitProblems.length > 0 && (
        <ul class="problems">
          {commitProblems.map((p, i) => (
            <li key={i} class={p.severity === 'WARNING' ? 'problem-warning' : 'problem-error'}>
              <ProblemText p={p} withRow />
            </li>
          ))}
        </ul>
      )}

      {result && <Sheet result={result} confirm={confirm} setConfirm={setConfirm} confirmAll={confirmAll} setConfirmAll={setConfirmAll} />}

      {result && (
        <section aria-labelledby="commit-heading">
          <h2 id="commit-heading">{t('Catat', 'Record')}</h2>
          {errorsLeft.length > 0 ? (
            <p class="notice error">
              {t(
                `Masih ada ${errorsLeft.length} kesalahan. Perbaiki berkasnya, lalu pilih berkas yang sudah diperbaiki dan tekan “Periksa berkas lagi”; data keputusan di atas tetap terisi.`,
                `${errorsLeft.length} error(s) remain. Fix the file, choose the corrected file and press “Check the file again”; the decree’s fields above stay filled.`,
              )}
            </p>
          ) : (
            <p>
              <button type="button" onClick={commit} disabled={busy !== null}>
                {busy === 'committing' ? t('Mencatat…', 'Recording…') : t('Catat pelantikan', 'Record the swearing-in')}
              </button>
            </p>
          )}
        </section>
      )}
    </>
  );
}

function Sheet(props: { result: DryRun; confirm: Confirmations; setConfirm: (c: Confirmations) => void; confirmAll: boolean; setConfirmAll: (v: boolean) => void }) {
  const { result, confirm, setConfirm, confirmAll, setConfirmAll } = props;
  const columns = result.import.columns;
  const rowsShown = new Set(result.rows.map((r) => r.sheetRow));
  // Problems no row of the table carries: the annex as a whole, the decree's fields, rows above the table.
  const loose = result.problems.filter((p) => p.sheetRow === null || !rowsShown.has(p.sheetRow));
  const proposals = result.problems.filter(isProposal);
  const errors = result.problems.filter((p) => p.severity === 'ERROR').length;
  const warnings = result.problems.length - errors;
  return (
    <section aria-labelledby="sheet-heading">
      <h2 id="sheet-heading">{t('Hasil pemeriksaan', 'What the check found')}</h2>
      <p role="status" class={errors ? 'notice error' : 'notice ok'}>
        {t(
          `${result.import.fileName}: ${result.rows.length} baris dibaca, ${errors} kesalahan, ${warnings} peringatan. Belum ada yang dicatat.`,
          `${result.import.fileName}: ${result.rows.length} rows read, ${errors} errors, ${warnings} warnings. Nothing is recorded yet.`,
        )}
      </p>
      {loose.length > 0 && (
        <ul class="problems" aria-label={t('Masalah di luar baris tabel', 'Problems outside the table’s rows')}>
          {loose.map((p, i) => (
            <li key={i} class={p.severity === 'ERROR' ? 'problem-error' : 'problem-warning'}>
              <ProblemText p={p} withRow />
            </li>
          ))}
        </ul>
      )}
      {proposals.length > 0 && (
        <div class="field-check">
          <input id="confirm-all" type="checkbox" checked={confirmAll} onChange={(e) => setConfirmAll(e.currentTarget.checked)} />
          <label for="confirm-all">{t(`Terima semua usulan jabatan (${proposals.length}): untuk setiap baris, jabatan terdekat`, `Accept all proposed posts (${proposals.length}): for each row, the closest post`)}</label>
        </div>
      )}
      <div class="table-wrap">
        <table class="sheet stack">
          <caption>{t('Lampiran sebagaimana terbaca, per baris lembar kerja', 'The annex as read, by row of the sheet')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('Baris', 'Row')}</th>
              {columns.map((c) => (
                <th scope="col" key={c.column}>
                  {c.column} · {c.header}
                </th>
              ))}
              <th scope="col">{t('Masalah', 'Problems')}</th>
            </tr>
          </thead>
          <tbody>
            {result.rows.map((row) => {
              const problems = row.problems;
              const severity = problems.some((p) => p.severity === 'ERROR') ? 'error' : problems.length ? 'warning' : null;
              const cellClass = (column: string) => {
                const own = problems.filter((p) => p.column === column);
                return own.some((p) => p.severity === 'ERROR') ? 'cell-error' : own.length ? 'cell-warning' : undefined;
              };
              return (
                <tr key={row.sheetRow} class={severity ? `problem-${severity}` : undefined} data-row={row.sheetRow}>
                  <th scope="row" data-label={t('Baris', 'Row')}>
                    {row.sheetRow}
                  </th>
                  {columns.map((c) => (
                    <td key={c.column} data-label={c.header} data-column={c.column} class={cellClass(c.column)}>
                      {row.cells[c.field] ?? ''}
                    </td>
                  ))}
                  <td data-label={t('Masalah', 'Problems')} class="sheet-problems">
                    {problems.length === 0 ? (
                      <span class="muted">{t('Tidak ada', 'None')}</span>
                    ) : (
                      <ul>
                        {problems.map((p, i) => (
                          <li key={i}>
                            <ProblemText p={p} />
                            {isProposal(p) && <Proposal p={p} chosen={confirm[row.sheetRow]?.code ?? ''} onChoose={(code) => setConfirm(choose(confirm, row.sheetRow, p.field ?? 'toPositionCode', code))} />}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function choose(confirm: Confirmations, row: number, field: string, code: string): Confirmations {
  const next = { ...confirm };
  if (code) next[row] = { field, code };
  else delete next[row];
  return next;
}

function Proposal({ p, chosen, onChoose }: { p: Problem; chosen: string; onChoose: (code: string) => void }) {
  const id = `confirm-${p.sheetRow}`;
  return (
    <div class="field proposal">
      <label for={id}>{t(`Jabatan yang dimaksud di baris ${p.sheetRow}`, `The post meant in row ${p.sheetRow}`)}</label>
      <select id={id} value={chosen} onChange={(e) => onChoose(e.currentTarget.value)}>
        <option value="">{t('— pilih untuk mengonfirmasi —', '— choose to confirm —')}</option>
        {p.candidates!.map((c) => (
          <option key={c.code} value={c.code}>
            {c.title} · {c.unit} ({c.code})
          </option>
        ))}
      </select>
    </div>
  );
}

mount(() => (
  <NeedsKey>
    <ImportForm />
  </NeedsKey>
));
