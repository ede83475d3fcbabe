import type { Lang } from './lang.js';

/**
 * The API's error and problem codes in words, for pages: codes stay stable and English in the
 * API; a reader sees a sentence. A code without words shows the API's own message.
 */
const WORDS: Record<string, readonly [id: string, en: string]> = {
  NOT_FOUND: ['Halaman atau data ini tidak ditemukan.', 'This page or record was not found.'],
  BAD_USER_INPUT: ['Permintaan ini tidak dapat dibaca.', 'This request could not be read.'],
  INTERNAL_SERVER_ERROR: ['Terjadi kesalahan pada server.', 'Something went wrong on the server.'],
  CONFLICT: ['Data ini bertentangan dengan yang sudah tercatat.', 'This conflicts with what is already recorded.'],
  GRAPHQL_VALIDATION_FAILED: ['Permintaan ini tidak sesuai dengan API.', 'This request does not fit the API.'],
  SERVICE_UNAVAILABLE: ['Basis data sedang tidak dapat dihubungi; coba lagi sebentar lagi.', 'The database cannot be reached right now; try again shortly.'],
  // A read (no database answers) as well as a write (the primary is gone): nothing was changed either way.
  DATABASE_UNAVAILABLE: ['Basis data sedang tidak dapat dihubungi; tidak ada yang diubah. Coba lagi sebentar lagi.', 'The database cannot be reached right now; nothing was changed. Try again shortly.'],
  RATE_LIMITED: ['Terlalu banyak permintaan; tunggu sebentar lalu coba lagi.', 'Too many requests; wait a moment and try again.'],

  // Keys and roles.
  UNAUTHENTICATED: ['Perlu masuk dengan kunci API yang berhak.', 'You need to sign in with a key that may do this.'],
  INVALID_API_KEY: ['Kunci API ini tidak dikenal atau sudah dicabut.', 'This API key is not known or has been revoked.'],
  FORBIDDEN: ['Kunci API ini tidak berhak melakukan ini.', 'This API key may not do this.'],
  PERSONAL_DATA_RESTRICTED: ['Ini data pribadi: hanya kunci BKPSDM, analis atau admin yang boleh melihatnya.', 'This is personal data: only HR, analyst and admin keys may see it.'],
  API_KEY_NOT_FOUND: ['Kunci API ini tidak ditemukan.', 'This API key was not found.'],

  // Governments and the scope of keys.
  GOVERNMENT_NOT_FOUND: ['Tidak ada pemerintah daerah dengan kode atau kode wilayah ini.', 'No government has this code or region code.'],
  OUTSIDE_SCOPE: ['Kunci API ini tidak berlaku untuk pemerintah daerah tersebut.', 'This API key does not act for that government.'],
  GOVERNMENT_REQUIRED: ['Sebutkan pemerintah daerahnya (kode atau kode wilayah).', 'Say which government (code or region code).'],
  GOVERNMENT_SHAPE: ['Unit tanpa induk adalah pemerintah daerah (jenis GOVERNMENT, dengan kode wilayah dan jenisnya); unit lain harus punya induk.', 'A unit without a parent is a government (kind GOVERNMENT, with region code and type); every other unit needs a parent.'],
  REGION_CODE_TAKEN: ['Kode wilayah ini sudah dipakai pemerintah daerah lain.', 'This region code is already used by another government.'],
  UNIT_CHANGES_GOVERNMENT: ['Unit tidak dapat dipindah ke pemerintah daerah lain.', 'A unit cannot move to another government.'],
  UNIT_OUTSIDE_GOVERNMENT: ['Unit ini bukan bagian dari pemerintah daerah yang dipilih.', 'This unit is not part of the chosen government.'],
  GOVERNMENT_UNKNOWN: ['Tidak ada baris yang menyebut jabatan, jadi pemerintah daerah SK ini tidak diketahui.', 'No row names a post, so the decree\'s government is unknown.'],
  POST_OF_OTHER_GOVERNMENT: ['Jabatan ini milik pemerintah daerah lain: satu SK hanya mencatat jabatan satu pemerintah daerah.', 'This post belongs to another government: one decree records the posts of one government.'],
  MOVE_FROM_OTHER_GOVERNMENT: ['Pejabat ini datang dari jabatan di pemerintah daerah lain: jabatan itu berakhir pada TMT SK ini.', 'This official comes from a post of another government: that post ends on this decree\'s effective date.'],

  // Any request.
  VALIDATION_FAILED: ['Ada isian yang belum benar.', 'Some fields are not right yet.'],
  INVALID_CURSOR: ['Penanda halaman ini tidak berlaku lagi; mulai dari halaman pertama.', 'This page marker is no longer valid; start from the first page.'],
  PAGE_TOO_LARGE: ['Terlalu banyak baris diminta sekaligus.', 'Too many rows asked for at once.'],
  MISSING_IDENTIFIER: ['Sebutkan tepat satu: id atau kode.', 'Give exactly one: the id or the code.'],
  QUERY_TOO_COSTLY: ['Permintaan ini terlalu besar; persempit.', 'This request is too large; narrow it.'],
  UNSUPPORTED_OPERATION: ['Permintaan ini tidak didukung.', 'This request is not supported.'],
  INTERNAL: ['Terjadi kesalahan pada server.', 'Something went wrong on the server.'],
  METHOD_NOT_ALLOWED: ['Halaman ini hanya untuk dibaca: bukalah lewat tautannya.', 'This page can only be read: open it by its link.'],
  IS_NOT_EMPTY: ['Wajib diisi.', 'Required.'],
  MAX_LENGTH: ['Terlalu panjang.', 'Too long.'],
  LENGTH: ['Panjangnya tidak sesuai.', 'The length is not right.'],
  MATCHES: ['Bentuknya tidak sesuai.', 'Not written in the expected form.'],
  IS_ENUM: ['Pilih salah satu pilihan yang ada.', 'Choose one of the options.'],
  IS_INT: ['Harus bilangan bulat.', 'Must be a whole number.'],
  MIN: ['Terlalu kecil.', 'Too small.'],
  MAX: ['Terlalu besar.', 'Too large.'],
  IS_URL: ['Harus alamat web yang diawali http:// atau https://.', 'Must be a web address starting with http:// or https://.'],
  INVALID: ['Isian ini tidak dapat dibaca.', 'This field cannot be read.'],
  INVALID_JSON: ['Isian ini harus JSON.', 'This field must be JSON.'],
  ID_INVALID: ['Nomor id ini tidak sah.', 'This id is not valid.'],
  TEXT_INVALID: ['Teks ini memuat karakter yang tidak diterima.', 'This text holds characters that are not accepted.'],
  DATES_OUT_OF_ORDER: ['Tanggal akhir lebih awal daripada tanggal mulai.', 'The end date is before the start date.'],
  TIME_OF_DAY_INVALID: ['Tulis jam sebagai JJ:MM, mis. 14:00.', 'Write the time as HH:MM, e.g. 14:00.'],

  // Units, posts, officials.
  ORGANIZATION_NOT_FOUND: ['Unit kerja ini tidak ditemukan.', 'This unit was not found.'],
  ORGANIZATION_CODE_TAKEN: ['Kode ini sudah dipakai unit kerja lain.', 'This code is already used by another unit.'],
  UNKNOWN_PARENT: ['Unit induk ini tidak ada.', 'This parent unit does not exist.'],
  ORGANIZATION_CYCLE: ['Unit kerja tidak dapat ditempatkan di bawah dirinya sendiri atau sub-unitnya.', 'A unit cannot be placed under itself or one of its sub-units.'],
  POSITION_NOT_FOUND: ['Jabatan ini tidak ditemukan.', 'This post was not found.'],
  POSITION_CODE_TAKEN: ['Kode ini sudah dipakai jabatan lain.', 'This code is already used by another post.'],
  UNKNOWN_ORGANIZATION: ['Unit kerja ini tidak ada.', 'This unit does not exist.'],
  CATEGORY_IN_USE: ['Jabatan ini sudah punya riwayat mutasi; kategorinya tidak dapat diubah.', 'This post has moves on record; its category cannot change.'],
  POST_CHANGES_GOVERNMENT: ['Jabatan tidak dapat dipindahkan ke unit kerja pemerintah daerah lain; bentuk jabatan baru di sana.', 'A post cannot move to a unit of another government; establish a new post there.'],
  SEATS_NOT_ALLOWED: ['Hanya jabatan fungsional dan pelaksana yang boleh punya lebih dari satu formasi.', 'Only functional and executor posts may have more than one seat.'],
  SEATS_BELOW_HOLDERS: ['Formasi lebih sedikit daripada pemangku jabatan ini sekaligus.', 'Fewer seats than officials holding this post at once.'],
  FUNCTIONAL_LEVEL_NOT_ALLOWED: ['Hanya jabatan fungsional yang punya jenjang.', 'Only a functional post has a level.'],
  OFFICIAL_NOT_FOUND: ['Pejabat ini tidak ditemukan.', 'This official was not found.'],
  NIP_TAKEN: ['NIP ini sudah tercatat untuk pejabat lain.', 'This NIP is already recorded for another official.'],
  NIP_MISMATCH: ['Tidak sesuai dengan yang tertulis di NIP.', 'Does not match what the NIP says.'],
  NIP_EMPLOYMENT_MISMATCH: ['NIP ini menunjukkan status kepegawaian yang lain.', 'The NIP says another kind of employment.'],
  RANK_EMPLOYMENT_MISMATCH: ['Pangkat ini tidak sesuai dengan status kepegawaiannya.', 'This rank does not fit the kind of employment.'],

  // Swearing-ins.
  ROTATION_REJECTED: ['Pelantikan tidak dicatat: ada kesalahan pada lampiran.', 'The swearing-in was not recorded: the annex has errors.'],
  ROTATION_CONFLICT: ['Pelantikan tidak dicatat: bertentangan dengan riwayat yang sudah tercatat.', 'The swearing-in was not recorded: it contradicts the recorded history.'],
  ROTATION_EVENT_NOT_FOUND: ['Pelantikan ini tidak ditemukan.', 'This swearing-in was not found.'],
  VERSION_MISMATCH: ['Pelantikan ini baru saja diubah orang lain; muat ulang halaman lalu periksa lagi.', 'Someone else has just changed this swearing-in; reload the page and check again.'],
  EVENT_VOIDED: ['Pelantikan ini sudah dibatalkan dan tidak dapat diubah lagi.', 'This swearing-in has been voided and can no longer be changed.'],
  IDEMPOTENCY_KEY_REUSED: ['Kiriman ini sudah dipakai untuk isi yang lain.', 'This submission key was already used for something else.'],
  DECREE_NUMBER_TAKEN: ['Penerbit ini sudah punya pelantikan dengan nomor keputusan yang sama.', 'This issuer already has a swearing-in with this decree number.'],
  POSITION_OVERLAP: ['Satu jabatan atau satu pejabat akan terisi dua kali pada hari yang sama; tidak ada yang dicatat.', 'A post or an official would be taken twice on the same day; nothing was written.'],

  // Problems of a lampiran row, found by the recorder.
  ACTING_OVER_LIMIT: ['Plt sudah lebih lama dari batas (3 bulan, diperpanjang sekali 3 bulan).', 'Acting for longer than the limit (3 months, extended once by 3).'],
  ADDITIONAL_TASK_ENDED: ['Tugas tambahan berakhir bersama jabatan fungsionalnya; tulis lagi bila berlanjut.', 'The additional task ends with the functional post; give it again if it goes on.'],
  ALREADY_ACTING: ['Pejabat ini sudah menjadi Plt di jabatan itu.', 'This official is already acting in that post.'],
  CAPACITY_INVALID: ['Status ini tidak dikenal.', 'This capacity is not known.'],
  CODE_TOO_LONG: ['Kode jabatan terlalu panjang.', 'The post code is too long.'],
  DESTINATION_REQUIRED: ['Penunjukan Plt perlu jabatan tujuan.', 'An acting appointment needs the post to act in.'],
  DUPLICATE_OFFICIAL: ['Pejabat ini sudah ada di baris lain; satu pejabat hanya sekali per pelantikan.', 'This official is already in another row; one official moves once per swearing-in.'],
  EFFECTIVE_BEFORE_APPOINTMENT: ['Tanggal berlaku lebih awal daripada pengangkatannya sebagai ASN (menurut NIP).', 'The effective date is before the official became a civil servant (by the NIP).'],
  EFFECTIVE_BEFORE_DECREE: ['Tanggal berlaku lebih awal daripada tanggal keputusan.', 'The effective date is before the decree date.'],
  EQUALIZATION_LEVEL_MISMATCH: ['Jenjang jabatan fungsional tidak sesuai dengan aturan penyetaraan.', 'The functional level does not fit the equalisation rules.'],
  FORMATION_FULL: ['Formasi jabatan ini sudah penuh pada tanggal itu.', 'Every seat of this post is taken on that day.'],
  FROM_POSITION_MISMATCH: ['Jabatan lama tidak sesuai dengan riwayat yang tercatat.', 'The post left does not match the recorded history.'],
  KIND_CAPACITY_MISMATCH: ['Jenis mutasi ini tidak cocok dengan statusnya.', 'This kind of move does not fit its capacity.'],
  KIND_INVALID: ['Jenis mutasi ini tidak dikenal.', 'This kind of move is not known.'],
  KIND_MISMATCH: ['Jenis mutasi yang ditulis berbeda dengan yang tersirat dari jabatannya.', 'The kind of move written differs from what the posts imply.'],
  NOTE_TOO_LONG: ['Keterangan terlalu panjang.', 'The remark is too long.'],
  NOTHING_TO_RECORD: ['Baris ini tidak mengubah apa pun: pejabat tidak memegang jabatan dan tidak ada jabatan tujuan.', 'This row changes nothing: the official holds no post and none is given.'],
  NOT_ACTING: ['Pejabat ini bukan Plt di jabatan itu; sebutkan jabatan yang ditinggalkan.', 'This official is not acting in that post; name the post being left.'],
  NOT_A_UNIT_HEAD_POST: ['Tugas tambahan hanya untuk jabatan Kepala UPTD.', 'An additional task is only for the head of a technical unit.'],
  NOT_FUNCTIONAL_OFFICIAL: ['Hanya pejabat fungsional yang dapat diberi tugas tambahan.', 'Only a functional official can be given an additional task.'],
  OFFICIAL_REQUIRED: ['Sebutkan pejabatnya dengan NIP.', 'Name the official by NIP.'],
  OTHER_EVENT_CHANGED: ['Ini mengubah fakta turunan pelantikan lain yang sudah tercatat (jabatan asal, jenis mutasi atau akhir Plt); periksa pelantikan itu.', 'This changes a derived fact of another recorded swearing-in (the post left, the kind of move, or the end of an acting period); check that swearing-in.'],
  POSITION_AMBIGUOUS: ['Sebutkan jabatan dengan id atau kode, tidak keduanya.', 'Give the post by id or by code, not both.'],
  POSITION_NOT_ACTIVE: ['Jabatan ini belum dibentuk atau sudah dihapus pada tanggal itu.', 'This post is not established yet or already abolished on that day.'],
  POSITION_OCCUPIED: ['Jabatan ini sudah dipegang pejabat lain pada tanggal itu.', 'This post is held by another official on that day.'],
  RANK_BELOW_MINIMUM: ['Pangkatnya lebih dari satu tingkat di bawah syarat eselon jabatan ini.', 'The rank is more than one grade below the minimum for this echelon.'],
  RETIREMENT_AGE_REACHED: ['Pejabat ini sudah mencapai batas usia pensiun jabatan.', 'This official has reached the retirement age of the post.'],
  RETIREMENT_DATE_MISMATCH: ['Tanggal pensiun tidak sesuai dengan batas usia pensiun jabatannya.', 'The retirement date does not match the retirement age of the post.'],
  SAME_DAY_MOVE: ['Pejabat ini sudah dipindah pada hari yang sama oleh keputusan lain.', 'This official is already moved on the same day by another decree.'],
  SAME_POSITION: ['Pejabat ini sudah memegang jabatan itu.', 'This official already holds that post.'],
  SHORT_TENURE: ['Pejabat ini memegang jabatan lamanya kurang dari 2 tahun.', 'This official has held the previous post for less than 2 years.'],
  SWORN_IN_BEFORE_DECREE: ['Tanggal pelantikan lebih awal daripada tanggal keputusan.', 'The ceremony is before the decree date.'],
  UNIT_HEAD_NOT_DEFINITIVE: ['Jabatan Kepala UPTD diisi dengan tugas tambahan, bukan definitif.', 'A technical unit head’s post is filled as an additional task, not definitively.'],
  UNKNOWN_OFFICIAL: ['Tidak ada pejabat dengan NIP ini.', 'No official has this NIP.'],
  UNKNOWN_POSITION: ['Jabatan ini tidak ditemukan.', 'This post was not found.'],

  // The annex import: the file.
  FILE_REQUIRED: ['Pilih berkas lampiran (.xlsx atau .csv).', 'Choose the annex file (.xlsx or .csv).'],
  NOT_A_SPREADSHEET: ['Berkas ini bukan lembar kerja yang dapat dibaca: kirim Excel (.xlsx) atau CSV.', 'This file is not a spreadsheet Mutasi can read: send Excel (.xlsx) or CSV.'],
  WORKBOOK_ENCRYPTED: ['Berkas ini dilindungi kata sandi: simpan tanpa kata sandi lalu kirim lagi.', 'This file is password-protected: save it without a password and send it again.'],
  WORKBOOK_UNREADABLE: ['Berkas ini rusak: buka di program lembar kerja, simpan lagi sebagai .xlsx, lalu kirim lagi.', 'This file is damaged: open it in a spreadsheet program, save it again as .xlsx and send it again.'],
  SHEET_EMPTY: ['Berkas ini tidak berisi data.', 'This file holds no data.'],
  SHEET_REQUIRED: ['Berkas ini punya beberapa lembar berisi data: tulis nama lembar yang diimpor.', 'The workbook has several sheets with data: give the name of the one to import.'],
  SHEET_NOT_FOUND: ['Tidak ada lembar berisi data dengan nama itu.', 'No sheet with data has that name.'],
  FORMULA_CELLS: ['Ada sel berisi rumus: salin lalu tempel sebagai nilai, kemudian kirim lagi.', 'Some cells hold formulas: paste them as values and send again.'],
  TOO_MANY_ROWS: ['Lampiran terlalu panjang: bagi menjadi beberapa berkas.', 'The annex is too long: split it into several files.'],
  HEADER_NOT_FOUND: ['Baris judul kolom (No, Nama, NIP, Jabatan…) tidak ditemukan.', 'The column headings (No, Nama, NIP, Jabatan…) were not found.'],
  MAPPING_INVALID: ['Pemetaan kolom tidak dapat dibaca.', 'The column mapping cannot be read.'],
  IMPORT_NOT_FOUND: ['Impor ini tidak ditemukan.', 'This import was not found.'],
  IMPORT_COMMITTED: ['Impor ini sudah dicatat.', 'This import has already been recorded.'],
  IMPORT_REJECTED: ['Lampiran masih punya kesalahan; tidak ada yang dicatat.', 'The annex still has errors; nothing was recorded.'],

  // The annex import: a row or cell.
  NIP_MISSING: ['Baris ini tidak punya NIP: pejabat dicari dengan NIP.', 'This row has no NIP: the official is found by NIP.'],
  NIP_DAMAGED: ['NIP rusak oleh Excel (tersimpan sebagai angka, digit terakhirnya hilang): format kolom NIP sebagai Teks lalu ketik ulang.', 'The NIP was damaged by the spreadsheet (stored as a number, its last digits lost): format the NIP column as Text and type it again.'],
  NIP_INVALID: ['Ini bukan NIP: NIP terdiri atas 18 angka.', 'This is not a NIP: a NIP has 18 digits.'],
  NAME_MISMATCH: ['NIP ini milik pejabat lain: periksa NIP dan namanya.', 'This NIP belongs to another official: check the NIP and the name.'],
  POST_UNKNOWN: ['Tidak ada jabatan dengan nama ini.', 'No post has this title.'],
  POST_AMBIGUOUS: ['Beberapa jabatan bernama sama: tambahkan unit kerja atau pakai kode jabatan.', 'Several posts have this title: add the unit or use the post’s code.'],
  POST_PROPOSED: ['Nama jabatan ini tidak persis ada; pilih jabatan yang dimaksud.', 'No post has exactly this title; choose the post it means.'],
  DUPLICATE_ROW: ['Baris ini mengulang baris lain.', 'This row repeats another row.'],
  KIND_UNKNOWN: ['Jenis mutasi ini tidak dikenal (mis. Rotasi, Mutasi, Promosi, Pensiun).', 'This kind of move is not known (e.g. Rotasi, Mutasi, Promosi, Pensiun).'],
  CAPACITY_UNKNOWN: ['Status ini tidak dikenal (Definitif, Plt, Plh, Tugas Tambahan).', 'This capacity is not known (Definitif, Plt, Plh, Tugas Tambahan).'],
  UNKNOWN_COLUMN: ['Kolom ini tidak dibaca: bukan kolom lampiran yang dikenal.', 'This column is not read: it is none of the known annex columns.'],
  DATE_INVALID: ['Tanggal ini tidak dapat dibaca: tulis mis. 6 Februari 2026 atau 06-02-2026.', 'This date cannot be read: write e.g. 6 Februari 2026 or 06-02-2026.'],
  TIME_INVALID: ['Jam ini tidak dapat dibaca: tulis mis. 14.00.', 'This time cannot be read: write e.g. 14.00.'],
  HEADER_REQUIRED: ['Data keputusan ini wajib: isi di formulir atau tulis di atas tabel.', 'This decree field is required: fill it in the form or write it above the table.'],
  NOTHING_TO_IMPORT: ['Tidak ada baris data di bawah judul kolom.', 'There is no data row under the headings.'],
};

export function errorWords(lang: Lang, code: string, fallback?: string): string {
  const words = WORDS[code];
  return words ? words[lang === 'en' ? 1 : 0] : (fallback ?? code);
}

/** For the tests: every code that has words. */
export const CODES_WITH_WORDS = Object.keys(WORDS);
