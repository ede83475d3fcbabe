import { validationFailed } from '../common/errors/common.errors.js';

/** Date ranges are checked here; an unknown unit is the organizations module's NOT_FOUND. */
export function checkRange(from: string, to: string, fields: [string, string] = ['from', 'to']) {
  if (from > to) throw validationFailed([{ field: fields[1], code: 'DATES_OUT_OF_ORDER', message: `${fields[1]} (${to}) is before ${fields[0]} (${from})` }]);
}
