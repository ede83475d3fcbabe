import { registerEnumType } from '@nestjs/graphql';

export enum RotationEventStatus {
  RECORDED = 'RECORDED',
  VOIDED = 'VOIDED',
}

registerEnumType(RotationEventStatus, { name: 'RotationEventStatus' });
