import { eventNotFound } from '../rotations/rotations.errors.js';

/** The rotations module's own "no such event", for the lampiran download. */
export const rotationEventNotFound = eventNotFound;
