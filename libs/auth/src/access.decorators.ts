import { SetMetadata, applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import { Actor, Role, currentContext } from '@sanshe/common';

export const ACCESS = Symbol('ACCESS');

/**
 * What a route requires. `district`: an active membership in the district chosen for the session, optionally
 * with one of `roles`. `identity`: any signed-in person (choosing a district, reading "me"). `operator`: the
 * platform operator. `public`: no sign-in, no transaction opened for it. `public-district`: no sign-in, read-only
 * portal data of the district named by the `:districtCode` path parameter (the public may choose which district
 * to read; what it can read there is decided by the portal service, which returns public fields only).
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'public-district' }
  | { kind: 'identity' }
  | { kind: 'operator' }
  | { kind: 'district'; roles?: Role[] };

/** Anyone, without signing in. */
export const Public = () => SetMetadata(ACCESS, { kind: 'public' } satisfies AccessRule);
/** The public portal of the district in the `:districtCode` path parameter, without signing in. */
export const PublicDistrict = () => SetMetadata(ACCESS, { kind: 'public-district' } satisfies AccessRule);
/** Any signed-in person, with or without a chosen district. */
export const SignedIn = () => applyDecorators(SetMetadata(ACCESS, { kind: 'identity' } satisfies AccessRule), ApiBearerAuth());
/** The platform operator only. */
export const OperatorOnly = () => applyDecorators(SetMetadata(ACCESS, { kind: 'operator' } satisfies AccessRule), ApiBearerAuth());
/** An active member of the current district holding one of the roles (any role when none are named). */
export const Roles = (...roles: Role[]) =>
  applyDecorators(SetMetadata(ACCESS, { kind: 'district', roles } satisfies AccessRule), ApiBearerAuth());

export const READ_ONLY = Symbol('READ_ONLY');
/**
 * The route only reads: its transaction opens READ ONLY (PostgreSQL refuses a write with an error, so a wrong mark
 * fails loudly in tests instead of losing data) and the response does not wait for COMMIT's round trip. Not for
 * reads that write an access log (case files, revealed values).
 */
export const ReadOnly = () => SetMetadata(READ_ONLY, true);

/** The acting person, as verified for this request. */
export const CurrentActor = createParamDecorator((_: unknown, _ctx: ExecutionContext): Actor => {
  const actor = currentContext()?.actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
