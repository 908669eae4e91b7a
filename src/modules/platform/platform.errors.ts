import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum PlatformErrorCode {
  DISTRICT_EXISTS = 'DISTRICT_EXISTS',
}

export const PLATFORM_ERRORS: ErrorCatalogue<PlatformErrorCode> = {
  DISTRICT_EXISTS: { status: 409, zh: '该区县已开通', en: 'This district is already open on the platform' },
};

export const platformError = errorFactory(PLATFORM_ERRORS);
