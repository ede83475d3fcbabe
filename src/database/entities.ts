import { Appointment } from '../appointments/appointment.entity.js';
import { EventRevision } from '../corrections/event-revision.entity.js';
import { AuditLog } from '../audit/audit-log.entity.js';
import { ApiKey } from '../auth/api-key.entity.js';
import { ApiKeyGovernment } from '../api-keys/api-key-government.entity.js';
import { Official } from '../officials/official.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { Position } from '../positions/position.entity.js';
import { RotationEvent } from '../rotations/rotation-event.entity.js';
import { Transfer } from '../rotations/transfer.entity.js';
import { Import, ImportRow } from '../imports/import.entity.js';

/** Listed explicitly (no globs) so the app, the CLI and jest's ESM loader see the same classes. */
export const ENTITIES = [Organization, Position, Official, RotationEvent, Transfer, Appointment, AuditLog, ApiKey, ApiKeyGovernment, Import, ImportRow, EventRevision];
