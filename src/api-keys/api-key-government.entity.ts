import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { ApiKey } from '../auth/api-key.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/** A government a key acts for (its scope), when the key does not act for all. */
@Entity('api_key_governments')
export class ApiKeyGovernment {
  @PrimaryColumn({ name: 'api_key_id', type: 'bigint', primaryKeyConstraintName: 'api_key_governments_pkey' })
  apiKeyId: string;

  @PrimaryColumn({ name: 'government_id', type: 'bigint', primaryKeyConstraintName: 'api_key_governments_pkey' })
  governmentId: string;

  @ManyToOne(() => ApiKey, { nullable: false, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'api_key_id', foreignKeyConstraintName: 'api_key_governments_api_key_id_fkey' })
  apiKey?: Relation<ApiKey>;

  @ManyToOne(() => Organization, { nullable: false, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'government_id', foreignKeyConstraintName: 'api_key_governments_government_id_fkey' })
  government?: Relation<Organization>;
}
