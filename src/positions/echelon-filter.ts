import type { Type } from '@nestjs/common';
import { ArgsType, Field, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { Echelon } from './position.enums.js';

/** An echelon with its sub-grades, as people say it: "Eselon III" is III.a and III.b. */
export enum EchelonGroup {
  I = 'I',
  II = 'II',
  III = 'III',
  IV = 'IV',
  V = 'V',
}
registerEnumType(EchelonGroup, { name: 'EchelonGroup', description: 'An echelon with all its grades: III means III_A and III_B.' });

/** The echelons the arguments allow (both given: those in both, possibly none); undefined when neither is given. */
export function echelonsOf({ echelon, echelonGroup }: { echelon?: Echelon; echelonGroup?: EchelonGroup }): Echelon[] | undefined {
  if (!echelon && !echelonGroup) return undefined;
  const inGroup = echelonGroup ? Object.values(Echelon).filter((e) => e.split('_')[0] === echelonGroup) : Object.values(Echelon);
  return echelon ? inGroup.filter((e) => e === echelon) : inGroup;
}

/**
 * `Base` with the two echelon arguments list queries share: `echelon` (one grade) and
 * `echelonGroup` (all grades of an echelon); `what` starts their descriptions ("Only posts").
 */
export function WithEchelonFilter<TBase extends Type<object>>(Base: TBase, what: string) {
  @ArgsType()
  class EchelonFiltered extends Base {
    @Field(() => Echelon, { nullable: true, description: `${what} of this grade, e.g. III_A.` })
    @IsOptional()
    @IsEnum(Echelon)
    echelon?: Echelon;

    @Field(() => EchelonGroup, { nullable: true, description: `${what} of this echelon, any grade: III is III_A and III_B.` })
    @IsOptional()
    @IsEnum(EchelonGroup)
    echelonGroup?: EchelonGroup;
  }
  return EchelonFiltered;
}
