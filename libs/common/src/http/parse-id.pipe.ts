import { Injectable, PipeTransform } from '@nestjs/common';
import { CommonErrorCode } from '../error-code';
import { commonError } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Path ids are uuids; anything else is a 400 with the field named, never a database error. */
@Injectable()
export class ParseIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value === 'string' && UUID.test(value)) return value.toLowerCase();
    throw commonError(CommonErrorCode.VALIDATION_FAILED, undefined, undefined, [
      { field: 'id', code: 'isUUID', zh: 'id：不是有效的编号', en: 'id must be a UUID' },
    ]);
  }
}
