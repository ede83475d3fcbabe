import type { Capacity, Echelon, Employment, FunctionalLevel, Gender, GovernmentType, OrganizationKind, PositionCategory, Rank, RotationEventStatus, Severity, TransferKind } from '../gql/schema-enums.js';
import type { Lang } from './lang.js';

/** Words for the API's enum values, in both languages; Record<Enum, …> makes a new value a build error. */
type Words<E extends string> = Record<E, readonly [id: string, en: string]>;

const KIND: Words<TransferKind> = {
  ROTATION: ['Rotasi', 'Rotation'],
  TRANSFER: ['Mutasi', 'Transfer'],
  PROMOTION: ['Promosi', 'Promotion'],
  DEMOTION: ['Penurunan jabatan', 'Demotion'],
  APPOINTMENT: ['Pengangkatan', 'Appointment'],
  REASSIGNMENT: ['Penugasan kembali', 'Reassignment'],
  DISMISSAL: ['Pemberhentian', 'Dismissal'],
  RETIREMENT: ['Pensiun', 'Retirement'],
  ACTING_START: ['Penunjukan Plt', 'Acting appointment'],
  ACTING_END: ['Akhir Plt', 'End of acting'],
  ADDITIONAL_TASK_START: ['Tugas tambahan', 'Additional task'],
  ADDITIONAL_TASK_END: ['Akhir tugas tambahan', 'End of additional task'],
  EQUALIZATION: ['Penyetaraan jabatan', 'Equalisation'],
};

const CAPACITY: Words<Capacity> = {
  DEFINITIVE: ['Definitif', 'Definitive'],
  ACTING: ['Pelaksana Tugas (Plt)', 'Acting (Plt)'],
  STAND_IN: ['Pelaksana Harian (Plh)', 'Stand-in (Plh)'],
  ADDITIONAL_TASK: ['Tugas tambahan', 'Additional task'],
};

const CATEGORY: Words<PositionCategory> = {
  HIGH_LEADERSHIP: ['Jabatan Pimpinan Tinggi', 'High leadership'],
  ADMINISTRATOR: ['Administrator', 'Administrator'],
  SUPERVISOR: ['Pengawas', 'Supervisor'],
  UNIT_HEAD: ['Kepala UPTD', 'Technical unit head'],
  FUNCTIONAL: ['Fungsional', 'Functional'],
  EXECUTOR: ['Pelaksana', 'Executor'],
};

const ORGANIZATION_KIND: Words<OrganizationKind> = {
  GOVERNMENT: ['Pemerintah daerah', 'Regional government'],
  SECRETARIAT: ['Sekretariat', 'Secretariat'],
  INSPECTORATE: ['Inspektorat', 'Inspectorate'],
  AGENCY: ['Dinas / Badan', 'Agency'],
  DISTRICT: ['Kecamatan', 'District'],
  SUBDISTRICT: ['Kelurahan', 'Sub-district'],
  TECHNICAL_UNIT: ['UPTD', 'Technical unit'],
};

const GOVERNMENT_TYPE: Words<GovernmentType> = {
  PROVINCE: ['Provinsi', 'Province'],
  REGENCY: ['Kabupaten', 'Regency'],
  CITY: ['Kota', 'City'],
  CENTRAL: ['Instansi pusat', 'Central agency'],
};

const STATUS: Words<RotationEventStatus> = {
  RECORDED: ['Tercatat', 'Recorded'],
  VOIDED: ['Dibatalkan', 'Voided'],
};

const EMPLOYMENT: Words<Employment> = { PNS: ['PNS', 'Civil servant (PNS)'], PPPK: ['PPPK', 'Contract civil servant (PPPK)'] };

const GENDER: Words<Gender> = { MALE: ['Laki-laki', 'Male'], FEMALE: ['Perempuan', 'Female'] };

const SEVERITY: Words<Severity> = { ERROR: ['Kesalahan', 'Error'], WARNING: ['Peringatan', 'Warning'] };

const FUNCTIONAL_LEVEL: Words<FunctionalLevel> = {
  BEGINNER: ['Pemula', 'Beginner'],
  SKILLED: ['Terampil', 'Skilled'],
  PROFICIENT: ['Mahir', 'Proficient'],
  SUPERVISING: ['Penyelia', 'Supervising'],
  EXPERT_FIRST: ['Ahli Pertama', 'Expert, first'],
  EXPERT_JUNIOR: ['Ahli Muda', 'Expert, junior'],
  EXPERT_MIDDLE: ['Ahli Madya', 'Expert, middle'],
  EXPERT_PRINCIPAL: ['Ahli Utama', 'Expert, principal'],
};

function pick<E extends string>(words: Words<E>) {
  return (lang: Lang, value: E | null | undefined): string => (value ? (words[value]?.[lang === 'en' ? 1 : 0] ?? value) : '');
}

export const kindLabel = pick(KIND);
export const capacityLabel = pick(CAPACITY);
export const categoryLabel = pick(CATEGORY);
export const organizationKindLabel = pick(ORGANIZATION_KIND);
export const governmentTypeLabel = pick(GOVERNMENT_TYPE);
export const statusLabel = pick(STATUS);
export const employmentLabel = pick(EMPLOYMENT);
export const genderLabel = pick(GENDER);
export const severityLabel = pick(SEVERITY);
export const functionalLevelLabel = pick(FUNCTIONAL_LEVEL);

/** "III.a", as a decree writes an echelon. */
export function echelonLabel(_lang: Lang, echelon: Echelon | null | undefined): string {
  if (!echelon) return '';
  const [group, grade] = echelon.split('_');
  return `${group}.${grade.toLowerCase()}`;
}

/** The pangkat of each PNS golongan ruang (a proper title, the same in both languages); PPPK grades have none. */
const PANGKAT: Record<Extract<Rank, `${string}_${string}`>, string> = {
  I_A: 'Juru Muda',
  I_B: 'Juru Muda Tingkat I',
  I_C: 'Juru',
  I_D: 'Juru Tingkat I',
  II_A: 'Pengatur Muda',
  II_B: 'Pengatur Muda Tingkat I',
  II_C: 'Pengatur',
  II_D: 'Pengatur Tingkat I',
  III_A: 'Penata Muda',
  III_B: 'Penata Muda Tingkat I',
  III_C: 'Penata',
  III_D: 'Penata Tingkat I',
  IV_A: 'Pembina',
  IV_B: 'Pembina Tingkat I',
  IV_C: 'Pembina Utama Muda',
  IV_D: 'Pembina Utama Madya',
  IV_E: 'Pembina Utama',
};

/** "Penata Tingkat I, III/d" for a PNS, "Golongan IX" for a PPPK grade, as the BKN writes them. */
export function rankLabel(lang: Lang, rank: Rank | null | undefined): string {
  if (!rank) return '';
  const [group, room] = rank.split('_');
  if (!room) return lang === 'en' ? `Grade ${group}` : `Golongan ${group}`;
  return `${PANGKAT[rank as keyof typeof PANGKAT]}, ${group}/${room.toLowerCase()}`;
}

/** Every transfer kind, in the order a filter lists them. */
export const TRANSFER_KINDS = Object.keys(KIND) as TransferKind[];
export const CAPACITIES = Object.keys(CAPACITY) as Capacity[];
