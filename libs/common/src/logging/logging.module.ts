import { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { httpLoggerOptions } from './logger.options';

/**
 * JSON logs through nestjs-pino: Nest's own logger, `new Logger(...)` in services and the per-request access line
 * all write through one pino instance with the same redaction. `stream` lets a test read what would be written.
 */
export function loggingModule(level: string | undefined, stream?: DestinationStream): DynamicModule {
  const options = httpLoggerOptions(level);
  return LoggerModule.forRoot({ pinoHttp: stream ? [options, stream] : options });
}
