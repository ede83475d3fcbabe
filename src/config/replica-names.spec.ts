import { replicaNameOfUrl } from './replica-names.js';

describe('replicaNameOfUrl', () => {
  it('names a replica as node-postgres connects to it, never with the password', () => {
    expect(replicaNameOfUrl('postgres://mutasi:s3cret@pg-replica1.internal:5433/mutasi')).toBe('pg-replica1.internal:5433/mutasi');
    expect(replicaNameOfUrl('postgres://mutasi:s3cret@pg-replica1.internal')).toBe('pg-replica1.internal:5432/mutasi');
    expect(replicaNameOfUrl('postgres://mutasi:s3cret@localhost:5433/mutasi?host=10.0.0.7')).toBe('10.0.0.7:5433/mutasi');
    expect(replicaNameOfUrl('postgres://mutasi:s3cret@/mutasi?host=/var/run/postgresql')).toBe('/var/run/postgresql:5432/mutasi');
    expect(replicaNameOfUrl('postgresql://mutasi:s3cret@[fd00::7]:5433/mutasi')).toBe('fd00::7:5433/mutasi');
  });
});
