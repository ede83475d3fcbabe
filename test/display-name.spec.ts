import pg from 'pg';
import { displayName, displayNameSql } from '../src/officials/display-name.js';
import { createTestDatabase, dropTestDatabase } from './support/database.js';

/** The API (TypeScript) and the exports (SQL) must print an official's name the same way. */
describe('display name in SQL', () => {
  const cases: [string, string | null, string | null][] = [
    ['Ahmad Fauzi', 'dr. H.', 'M.Kes.'],
    ['Ahmad Fauzi', 'Drs.', null],
    ['Siti Rahma', null, 'S.H., M.Si.'],
    ['Sukarno', null, null],
    ['Budi', '', ''],
    ['Budi', '  ', ' S.T. '],
  ];
  let name: string;
  let db: pg.Client;

  beforeAll(async () => {
    const database = await createTestDatabase({ empty: true });
    name = database.name;
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await dropTestDatabase(name);
  });

  it.each(cases)('%j with %j and %j', async (official, prefix, suffix) => {
    const { rows } = await db.query(`SELECT ${displayNameSql('o')} AS shown FROM (VALUES ($1::text, $2::text, $3::text)) AS o(name, honorific_prefix, honorific_suffix)`, [
      official,
      prefix,
      suffix,
    ]);
    expect(rows[0].shown).toBe(displayName({ name: official, honorificPrefix: prefix, honorificSuffix: suffix }));
  });
});
