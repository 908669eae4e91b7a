import { ErrorCatalogue, errorFactory } from '@sanshe/common';

export enum PlacesErrorCode {
  PLACE_NOT_FOUND = 'PLACE_NOT_FOUND',
  PLACE_PARENT_INVALID = 'PLACE_PARENT_INVALID',
  PLACE_NAME_TAKEN = 'PLACE_NAME_TAKEN',
  PLACE_IN_USE = 'PLACE_IN_USE',
  PLACE_ROOT_LOCKED = 'PLACE_ROOT_LOCKED',
  PLACE_ARCHIVED = 'PLACE_ARCHIVED',
}

export const PLACES_ERRORS: ErrorCatalogue<PlacesErrorCode> = {
  PLACE_NOT_FOUND: { status: 404, zh: '找不到该街道或社区', en: 'Street or community not found' },
  PLACE_PARENT_INVALID: { status: 400, zh: '上级区划不正确：街道/乡镇应挂在区县下，社区/村应挂在街道/乡镇下', en: 'Wrong parent: streets/towns belong to the district, communities/villages to a street or town' },
  PLACE_NAME_TAKEN: { status: 409, zh: '同一上级下已有同名区划', en: 'A place with this name already exists under the same parent' },
  PLACE_IN_USE: { status: 409, zh: '该区划下仍有下级区划或人员，不能撤销', en: 'This place still has active children or members' },
  PLACE_ROOT_LOCKED: { status: 409, zh: '区县本级不能修改或撤销', en: 'The district node itself cannot be changed or archived' },
  PLACE_ARCHIVED: { status: 409, zh: '该区划已撤销', en: 'This place is archived' },
};

export const placesError = errorFactory(PLACES_ERRORS);
