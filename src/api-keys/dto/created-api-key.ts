import { Field, ObjectType } from '@nestjs/graphql';
import { ApiKey } from '../../auth/api-key.entity.js';

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({ description: 'Send as "Authorization: Bearer <secret>". Shown only now: it is stored as a hash.' })
  secret: string;
}
