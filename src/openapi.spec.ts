import { Body, Controller, Module, Post, Put } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ApiProperty } from '@nestjs/swagger';
import { assertUniqueSchemaNames } from './openapi';

// Two distinct request classes under one name, as the organisations and projects modules once had.
// eslint-disable-next-line @typescript-eslint/no-namespace
namespace organisations { export class ReasonDto { @ApiProperty() version: number; @ApiProperty() reason: string; } }
// eslint-disable-next-line @typescript-eslint/no-namespace
namespace projects { export class ReasonDto { @ApiProperty() reason: string; } }
class Holder { @ApiProperty({ type: () => projects.ReasonDto }) nested: projects.ReasonDto; }

async function appWith(controller: new (...args: never[]) => unknown) {
  @Module({ controllers: [controller] })
  class TestModule {}
  return NestFactory.create(TestModule, { preview: true, logger: false });
}

describe('OpenAPI schema names', () => {
  it('two classes with one schema name stop the document, naming the clash', async () => {
    @Controller('x')
    class ClashController {
      @Post('a') a(@Body() dto: organisations.ReasonDto) { return dto; }
      @Put('b') b(@Body() dto: Holder) { return dto; }
    }
    const app = await appWith(ClashController);
    expect(() => assertUniqueSchemaNames(app)).toThrow(/ReasonDto/);
    await app.close();
  });

  it('the same class used twice is fine', async () => {
    @Controller('y')
    class FineController {
      @Post('a') a(@Body() dto: organisations.ReasonDto) { return dto; }
      @Put('b') b(@Body() dto: organisations.ReasonDto) { return dto; }
    }
    const app = await appWith(FineController);
    expect(() => assertUniqueSchemaNames(app)).not.toThrow();
    await app.close();
  });
});
