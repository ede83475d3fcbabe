import { useState } from 'preact/hooks';
import { HrCreateOfficialDocument, HrCreateOrganizationDocument, HrCreatePositionDocument, HrOrganizationByCodeDocument } from '../gql/graphql.js';
import type { Echelon, FunctionalLevel, OrganizationKind, PositionCategory } from '../gql/schema-enums.js';
import { categoryLabel, echelonLabel, functionalLevelLabel, organizationKindLabel } from '../i18n/labels.js';
import { href } from '../views/common.js';
import { ErrorNotice, Field, fieldWords, lang, mount, NeedsKey, orNull, problemsOf, t } from './hr-common.js';
import { gql, type ApiError } from './session.js';

// The choices, typed by the schema's enums: a value the API drops fails the build.
// The most usual first: it is the default.
const KINDS: OrganizationKind[] = ['AGENCY', 'SECRETARIAT', 'INSPECTORATE', 'DISTRICT', 'SUBDISTRICT', 'TECHNICAL_UNIT', 'GOVERNMENT'];
const CATEGORIES: PositionCategory[] = ['ADMINISTRATOR', 'SUPERVISOR', 'HIGH_LEADERSHIP', 'UNIT_HEAD', 'FUNCTIONAL', 'EXECUTOR'];
const ECHELONS: Echelon[] = ['I_A', 'I_B', 'II_A', 'II_B', 'III_A', 'III_B', 'IV_A', 'IV_B', 'V_A'];
const LEVELS: FunctionalLevel[] = ['BEGINNER', 'SKILLED', 'PROFICIENT', 'SUPERVISING', 'EXPERT_FIRST', 'EXPERT_JUNIOR', 'EXPERT_MIDDLE', 'EXPERT_PRINCIPAL'];

type Values = Record<string, string>;

/** A form's state: what was typed (kept on an error), the error, the result's link. */
function useForm() {
  const [values, setValues] = useState<Values>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<{ label: string; path: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const bind = (name: string) => ({ name, value: values[name] ?? '', onInput: (e: { currentTarget: { value: string } }) => setValues({ ...values, [name]: e.currentTarget.value }) });
  /** A select of enum values in words; `empty` is the choice of none. */
  const select = (name: string, options: string[], label: (v: string) => string, empty?: string) => (aria: Record<string, unknown>) => (
    <select {...aria} name={name} value={values[name] ?? (empty === undefined ? options[0] : '')} onChange={(e) => setValues({ ...values, [name]: e.currentTarget.value })}>
      {empty !== undefined && <option value="">{empty}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {label(o)}
        </option>
      ))}
    </select>
  );
  return { values, setValues, error, setError, created, setCreated, busy, setBusy, bind, select };
}

function Result({ created, what }: { created: { label: string; path: string } | null; what: string }) {
  if (!created) return null;
  return (
    <p class="notice ok" role="status">
      {what}: <a href={created.path}>{created.label}</a>
    </p>
  );
}

/** The errors that name no field of the form go above it; the others beside their field. */
function formErrors(error: ApiError | null, fields: string[]): ApiError[] | null {
  if (!error) return null;
  const unplaced = problemsOf(error).filter((p) => !p.field || !fields.includes(p.field));
  if (problemsOf(error).length && !unplaced.length) return [error];
  return [error, ...unplaced.map((p) => ({ message: p.message, extensions: { code: p.code } }))];
}

function OrganizationForm() {
  const f = useForm();
  const fields = ['code', 'name', 'kind', 'parentCode', 'establishedOn'];
  async function submit(e: Event) {
    e.preventDefault();
    f.setBusy(true);
    f.setError(null);
    f.setCreated(null);
    const v = f.values;
    const res = await gql(HrCreateOrganizationDocument, {
      input: { code: v.code?.trim() ?? '', name: v.name?.trim() ?? '', kind: (v.kind || KINDS[0]) as OrganizationKind, parentCode: orNull(v.parentCode ?? ''), establishedOn: orNull(v.establishedOn ?? '') },
    });
    f.setBusy(false);
    if (res.errors?.length || !res.data) return f.setError(res.errors?.[0] ?? null);
    const o = res.data.createOrganization;
    f.setCreated({ label: `${o.name} (${o.code})`, path: href.unit(o.code) });
  }
  const problems = problemsOf(f.error);
  return (
    <section aria-labelledby="new-unit">
      <h2 id="new-unit">{t('Unit kerja baru', 'New unit')}</h2>
      <form onSubmit={submit}>
        <ErrorNotice errors={formErrors(f.error, fields)} />
        <div class="form-grid">
          <Field id="org-code" label={t('Kode (huruf besar, angka, - . _)', 'Code (capitals, digits, - . _)')} error={fieldWords(problems, 'code')}>
            {(aria) => <input {...aria} {...f.bind('code')} required autocapitalize="characters" />}
          </Field>
          <Field id="org-name" label={t('Nama', 'Name')} error={fieldWords(problems, 'name')}>
            {(aria) => <input {...aria} {...f.bind('name')} required />}
          </Field>
          <Field id="org-kind" label={t('Jenis', 'Kind')} error={fieldWords(problems, 'kind')}>
            {f.select('kind', KINDS, (k) => organizationKindLabel(lang, k as OrganizationKind))}
          </Field>
          <Field id="org-parent" label={t('Kode unit induk', 'Parent unit’s code')} hint={t('mis. PEMKOT-BKS', 'e.g. PEMKOT-BKS')} error={fieldWords(problems, 'parentCode')}>
            {(aria) => <input {...aria} {...f.bind('parentCode')} />}
          </Field>
          <Field id="org-established" label={t('Dibentuk pada', 'Established on')} error={fieldWords(problems, 'establishedOn')}>
            {(aria) => <input {...aria} {...f.bind('establishedOn')} type="date" />}
          </Field>
        </div>
        <button type="submit" disabled={f.busy}>
          {t('Catat unit kerja', 'Record the unit')}
        </button>
      </form>
      <Result created={f.created} what={t('Unit kerja tercatat', 'Unit recorded')} />
    </section>
  );
}

function PositionForm() {
  const f = useForm();
  const fields = ['code', 'title', 'organizationCode', 'category', 'echelon', 'functionalLevel', 'seats'];
  async function submit(e: Event) {
    e.preventDefault();
    f.setBusy(true);
    f.setError(null);
    f.setCreated(null);
    const v = f.values;
    // The unit is typed by its code, as clerks know it; the API takes its id.
    const unit = await gql(HrOrganizationByCodeDocument, { code: v.organizationCode?.trim() ?? '' });
    if (unit.errors?.length || !unit.data) {
      f.setBusy(false);
      const code = unit.errors?.[0]?.extensions?.domainCode ?? 'ORGANIZATION_NOT_FOUND';
      return f.setError({ message: unit.errors?.[0]?.message ?? '', extensions: { code, domainCode: code, problems: [{ field: 'organizationCode', code, message: '' }] } });
    }
    const res = await gql(HrCreatePositionDocument, {
      input: {
        code: v.code?.trim() ?? '',
        title: v.title?.trim() ?? '',
        organizationId: unit.data.organization.id,
        category: (v.category || CATEGORIES[0]) as PositionCategory,
        echelon: (orNull(v.echelon ?? '') as Echelon | null) ?? null,
        functionalLevel: (orNull(v.functionalLevel ?? '') as FunctionalLevel | null) ?? null,
        seats: v.seats ? Number(v.seats) : null,
      },
    });
    f.setBusy(false);
    if (res.errors?.length || !res.data) return f.setError(res.errors?.[0] ?? null);
    const p = res.data.createPosition;
    f.setCreated({ label: `${p.title} (${p.code})`, path: href.post(p.code) });
  }
  const problems = problemsOf(f.error).map((p) => (p.field === 'organizationId' ? { ...p, field: 'organizationCode' } : p));
  return (
    <section aria-labelledby="new-post">
      <h2 id="new-post">{t('Jabatan baru', 'New post')}</h2>
      <form onSubmit={submit}>
        <ErrorNotice errors={formErrors(f.error, fields)} />
        <div class="form-grid">
          <Field id="post-code" label={t('Kode jabatan', 'Post code')} error={fieldWords(problems, 'code')}>
            {(aria) => <input {...aria} {...f.bind('code')} required />}
          </Field>
          <Field id="post-title" label={t('Nama jabatan', 'Title')} error={fieldWords(problems, 'title')}>
            {(aria) => <input {...aria} {...f.bind('title')} required />}
          </Field>
          <Field id="post-unit" label={t('Kode unit kerja', 'Unit code')} hint={t('mis. DINKES', 'e.g. DINKES')} error={fieldWords(problems, 'organizationCode')}>
            {(aria) => <input {...aria} {...f.bind('organizationCode')} required />}
          </Field>
          <Field id="post-category" label={t('Kategori', 'Category')} error={fieldWords(problems, 'category')}>
            {f.select('category', CATEGORIES, (c) => categoryLabel(lang, c as PositionCategory))}
          </Field>
          <Field id="post-echelon" label={t('Eselon', 'Echelon')} error={fieldWords(problems, 'echelon')}>
            {f.select('echelon', ECHELONS, (e) => echelonLabel(lang, e as Echelon), t('Non-eselon', 'No echelon'))}
          </Field>
          <Field id="post-level" label={t('Jenjang fungsional', 'Functional level')} error={fieldWords(problems, 'functionalLevel')}>
            {f.select('functionalLevel', LEVELS, (l) => functionalLevelLabel(lang, l as FunctionalLevel), t('Bukan fungsional', 'Not functional'))}
          </Field>
          <Field id="post-seats" label={t('Formasi (kursi)', 'Seats')} error={fieldWords(problems, 'seats')}>
            {(aria) => <input {...aria} {...f.bind('seats')} type="number" min={1} inputMode="numeric" />}
          </Field>
        </div>
        <button type="submit" disabled={f.busy}>
          {t('Catat jabatan', 'Record the post')}
        </button>
      </form>
      <Result created={f.created} what={t('Jabatan tercatat', 'Post recorded')} />
    </section>
  );
}

function OfficialForm() {
  const f = useForm();
  const fields = ['name', 'nip', 'honorificPrefix', 'honorificSuffix', 'government'];
  async function submit(e: Event) {
    e.preventDefault();
    f.setBusy(true);
    f.setError(null);
    f.setCreated(null);
    const v = f.values;
    const res = await gql(HrCreateOfficialDocument, {
      input: {
        name: v.name?.trim() ?? '',
        nip: orNull((v.nip ?? '').replace(/\s+/g, '')),
        honorificPrefix: orNull(v.honorificPrefix ?? ''),
        honorificSuffix: orNull(v.honorificSuffix ?? ''),
        government: orNull((v.government ?? '').trim()),
      },
    });
    f.setBusy(false);
    if (res.errors?.length || !res.data) return f.setError(res.errors?.[0] ?? null);
    const o = res.data.createOfficial;
    f.setCreated({ label: o.nip ? `${o.displayName} (NIP ${o.nip})` : o.displayName, path: href.official(o.id) });
  }
  const problems = problemsOf(f.error);
  return (
    <section aria-labelledby="new-official">
      <h2 id="new-official">{t('Pejabat baru', 'New official')}</h2>
      <form onSubmit={submit}>
        <ErrorNotice errors={formErrors(f.error, fields)} />
        <div class="form-grid">
          <Field id="official-name" label={t('Nama (tanpa gelar)', 'Name (without titles)')} error={fieldWords(problems, 'name')}>
            {(aria) => <input {...aria} {...f.bind('name')} required />}
          </Field>
          <Field id="official-nip" label="NIP" hint={t('18 angka; tanggal lahir dan jenis kelamin dibaca darinya', '18 digits; birth date and gender are read from it')} error={fieldWords(problems, 'nip')}>
            {(aria) => <input {...aria} {...f.bind('nip')} inputMode="numeric" autocomplete="off" />}
          </Field>
          <Field id="official-prefix" label={t('Gelar depan', 'Title before the name')} hint={t('mis. dr. H.', 'e.g. dr. H.')} error={fieldWords(problems, 'honorificPrefix')}>
            {(aria) => <input {...aria} {...f.bind('honorificPrefix')} />}
          </Field>
          <Field id="official-suffix" label={t('Gelar belakang', 'Title after the name')} hint={t('mis. S.H., M.Si.', 'e.g. S.H., M.Si.')} error={fieldWords(problems, 'honorificSuffix')}>
            {(aria) => <input {...aria} {...f.bind('honorificSuffix')} />}
          </Field>
          <Field
            id="official-government"
            label={t('Pemerintah daerah', 'Government')}
            hint={t('kode wilayah, mis. 32.75; boleh kosong bila kunci Anda hanya untuk satu pemerintah daerah', 'region code, e.g. 32.75; may be left empty when your key acts for one government only')}
            error={fieldWords(problems, 'government')}
          >
            {(aria) => <input {...aria} {...f.bind('government')} />}
          </Field>
        </div>
        <button type="submit" disabled={f.busy}>
          {t('Catat pejabat', 'Record the official')}
        </button>
      </form>
      <Result created={f.created} what={t('Pejabat tercatat', 'Official recorded')} />
    </section>
  );
}

mount(() => (
  <NeedsKey>
    <OrganizationForm />
    <PositionForm />
    <OfficialForm />
  </NeedsKey>
));
