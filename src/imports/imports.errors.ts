import { assertUnreachable } from '../common/errors/assert-unreachable.js';
import { DomainError, type GraphQLErrorCode } from '../common/errors/domain-error.js';

export enum ImportErrorCode {
  FILE_REQUIRED = 'FILE_REQUIRED',
  NOT_A_SPREADSHEET = 'NOT_A_SPREADSHEET',
  WORKBOOK_ENCRYPTED = 'WORKBOOK_ENCRYPTED',
  WORKBOOK_UNREADABLE = 'WORKBOOK_UNREADABLE',
  SHEET_EMPTY = 'SHEET_EMPTY',
  SHEET_REQUIRED = 'SHEET_REQUIRED',
  SHEET_NOT_FOUND = 'SHEET_NOT_FOUND',
  FORMULA_CELLS = 'FORMULA_CELLS',
  TOO_MANY_ROWS = 'TOO_MANY_ROWS',
  HEADER_NOT_FOUND = 'HEADER_NOT_FOUND',
  MAPPING_INVALID = 'MAPPING_INVALID',
  IMPORT_NOT_FOUND = 'IMPORT_NOT_FOUND',
  IMPORT_COMMITTED = 'IMPORT_COMMITTED',
  /** The annex still has ERROR problems (`problems` lists them, by sheet row); nothing was recorded. */
  IMPORT_REJECTED = 'IMPORT_REJECTED',
}

export class ImportError extends DomainError<ImportErrorCode> {
  get graphqlCode(): GraphQLErrorCode {
    switch (this.code) {
      case ImportErrorCode.FILE_REQUIRED:
      case ImportErrorCode.NOT_A_SPREADSHEET:
      case ImportErrorCode.WORKBOOK_ENCRYPTED:
      case ImportErrorCode.WORKBOOK_UNREADABLE:
      case ImportErrorCode.SHEET_EMPTY:
      case ImportErrorCode.SHEET_REQUIRED:
      case ImportErrorCode.SHEET_NOT_FOUND:
      case ImportErrorCode.FORMULA_CELLS:
      case ImportErrorCode.TOO_MANY_ROWS:
      case ImportErrorCode.HEADER_NOT_FOUND:
      case ImportErrorCode.MAPPING_INVALID:
      case ImportErrorCode.IMPORT_REJECTED:
        return 'BAD_USER_INPUT';
      case ImportErrorCode.IMPORT_NOT_FOUND:
        return 'NOT_FOUND';
      case ImportErrorCode.IMPORT_COMMITTED:
        return 'CONFLICT';
      default:
        return assertUnreachable(this.code);
    }
  }
}

export const importNotFound = () => new ImportError(ImportErrorCode.IMPORT_NOT_FOUND, 'No import with this id.');
