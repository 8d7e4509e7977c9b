import { randomUUID } from 'node:crypto';

/** A new UUID v4 for records that may be merged between machines. */
export function newId(): string {
  return randomUUID();
}

/** The current time as an ISO-8601 UTC string, the one time format stored in a project. */
export function nowIso(): string {
  return new Date().toISOString();
}
