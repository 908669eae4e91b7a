import { CommonErrorCode, commonError } from '@sanshe/common';

/**
 * Optimistic concurrency: the client sends the version it read; a write against any other version is refused
 * with 409 STALE_VERSION instead of silently overwriting someone else's change.
 */
export function assertVersion(current: { version: number }, expected: number): void {
  if (current.version !== expected) {
    throw commonError(CommonErrorCode.STALE_VERSION, { currentVersion: current.version, yourVersion: expected });
  }
}
