import { migration001 } from './001-initial';
import { migration002 } from './002-lookup-indexes';
import { migration003 } from './003-integer-answer-keys';
import type { Migration } from './types';

/** Every migration, in order. Append new ones; never edit one that has shipped. */
export const migrations: readonly Migration[] = [migration001, migration002, migration003];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
export type { Migration };
