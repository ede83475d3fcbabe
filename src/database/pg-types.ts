import pg from 'pg';

// Calendar dates stay 'YYYY-MM-DD' strings end to end: pg's default turns DATE into a
// local-midnight JS Date, which shifts the day across time zones.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// COUNT(*) and other int8 results that fit comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => value);
