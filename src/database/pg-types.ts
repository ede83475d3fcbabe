import pg from 'pg';

// Calendar dates stay 'YYYY-MM-DD' strings end to end: pg's default turns DATE into a
// local-midnight JS Date, which shifts the day across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// COUNT(*) and other int8 results that fit comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);
// Instants stay text, rewritten to ISO 8601 ("2026-02-06T09:00:00.123+07:00"), until something
// needs them: most reads never show created_at/updated_at, and parsing every one into a Date
// cost a few percent of a nested query. TypeORM's entities and the DateTime scalar still make
// a Date of it (`new Date(text)`) when a field is read.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (value) => `${value.replace(' ', 'T')}${/[+-]\d\d$/.test(value) ? ':00' : ''}`);
