import type { MigrationInterface } from 'typeorm';
import { Init1795836648958 } from './1795836648958-Init.js';
import { ApiKeys1795837149156 } from './1795837149156-ApiKeys.js';
import { RotationWarnings1795837626673 } from './1795837626673-RotationWarnings.js';
import { TransferStatedFields1795837912143 } from './1795837912143-TransferStatedFields.js';
import { ActingTransfersIndex1795842026152 } from './1795842026152-ActingTransfersIndex.js';
import { EventSignatoryAndTime1795916327053 } from './1795916327053-EventSignatoryAndTime.js';
import { PositionTitleSearch1795916950067 } from './1795916950067-PositionTitleSearch.js';
import { TransferKindRetirement1795917889484 } from './1795917889484-TransferKindRetirement.js';
import { AdditionalTaskValues1795919753946 } from './1795919753946-AdditionalTaskValues.js';
import { FunctionalPostsAndSeats1795919773940 } from './1795919773940-FunctionalPostsAndSeats.js';
import { AnnexImports1795921862603 } from './1795921862603-AnnexImports.js';
import { EventRevisions1795932317332 } from './1795932317332-EventRevisions.js';
import { RecordHistory1795932892982 } from './1795932892982-RecordHistory.js';
import { Governments1795938684316 } from './1795938684316-Governments.js';
import { PostGovernment1795940708013 } from './1795940708013-PostGovernment.js';
import { RateLimitCounters1795944179651 } from './1795944179651-RateLimitCounters.js';

/** Every migration, oldest first; written by `npm run migration:generate`. */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Init1795836648958, ApiKeys1795837149156, RotationWarnings1795837626673, TransferStatedFields1795837912143, ActingTransfersIndex1795842026152, EventSignatoryAndTime1795916327053, PositionTitleSearch1795916950067, TransferKindRetirement1795917889484, AdditionalTaskValues1795919753946, FunctionalPostsAndSeats1795919773940, AnnexImports1795921862603, EventRevisions1795932317332, RecordHistory1795932892982, Governments1795938684316, PostGovernment1795940708013, RateLimitCounters1795944179651];
