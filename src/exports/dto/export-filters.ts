import { Transform } from 'class-transformer';
import { IsBoolean, IsEnum, IsOptional, MaxLength, Validate, ValidatorConstraint, type ValidatorConstraintInterface } from 'class-validator';
import { isCalendarDate } from '../../common/scalars/date.scalar.js';
import { Echelon, PositionCategory } from '../../positions/position.enums.js';
import { TransferKind } from '../../history/history.enums.js';
import { DatabaseId } from '../../common/validators.js';

@ValidatorConstraint({ name: 'DATE_INVALID' })
class CalendarDate implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return isCalendarDate(value);
  }
  defaultMessage(): string {
    return '$property must be a real calendar date written YYYY-MM-DD';
  }
}

/** Query-string filters shared by every export; each is checked before a row is sent. */
export class ExportFilters {
  @IsOptional()
  @DatabaseId()
  organizationId?: string;

  @IsOptional()
  @MaxLength(50)
  organizationCode?: string;

  /** A government by code or region code ("32.75"): its units only. With a unit, the unit must be the government's. */
  @IsOptional()
  @MaxLength(50)
  government?: string;

  @IsOptional()
  @Validate(CalendarDate)
  from?: string;

  @IsOptional()
  @Validate(CalendarDate)
  to?: string;

  @IsOptional()
  @IsEnum(Echelon, { message: `echelon must be one of ${Object.values(Echelon).join(', ')}` })
  echelon?: Echelon;

  @IsOptional()
  @IsEnum(PositionCategory, { message: `category must be one of ${Object.values(PositionCategory).join(', ')}` })
  category?: PositionCategory;

  @IsOptional()
  @IsEnum(TransferKind, { message: `kind must be one of ${Object.values(TransferKind).join(', ')}` })
  kind?: TransferKind;

  /** CSV only: start with a UTF-8 byte order mark, which Excel needs to read the text as UTF-8. */
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'bom must be true or false' })
  bom?: boolean;
}
