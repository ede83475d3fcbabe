import { QueryFailedError } from 'typeorm';
import { CommonErrorCode } from './common.errors.js';
import { translateDatabaseError } from './database-errors.js';

const failed = (driverError: object) => new QueryFailedError('SELECT 1', [], Object.assign(new Error('failed'), driverError));

describe('translateDatabaseError', () => {
  it('calls a database that cannot be reached DATABASE_UNAVAILABLE (503), however node-postgres says it', () => {
    const unreachable = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout expired'),
      new Error('timeout exceeded when trying to connect'), // no pool connection free for the whole timeout
      new Error('Client has encountered a connection error and is not queryable'),
      new Error('Query read timeout'), // a query_timeout ran out: the server hangs
      failed({ code: '57P01' }), // admin_shutdown: the server was stopped under the query
      failed({ code: '57P03' }), // cannot_connect_now: starting up or shutting down
      failed({ code: '08006' }), // connection_failure
    ];
    for (const error of unreachable) {
      const domain = translateDatabaseError(error);
      expect([error.message, domain?.code, domain?.graphqlCode]).toEqual([error.message, CommonErrorCode.DATABASE_UNAVAILABLE, 'SERVICE_UNAVAILABLE']);
    }
  });

  it('leaves a query the database refused to the constraint mapping, and other failures unnamed', () => {
    expect(translateDatabaseError(failed({ code: '23505', constraint: 'no_such_constraint' }))).toBeUndefined();
    expect(translateDatabaseError(failed({ code: '25006' }))).toBeUndefined(); // read-only transaction: a bug, not an outage
    expect(translateDatabaseError(new Error('something else'))).toBeUndefined();
  });
});
