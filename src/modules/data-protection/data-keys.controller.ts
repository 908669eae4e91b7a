import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ParseIdPipe, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Returns, Roles } from '@sanshe/auth';
import { DataKeysService } from './data-keys.service';
import { KeyRotationProgressResponse } from './data-keys.response';

@ApiContract()
@ApiTags('data-keys 数据密钥')
@Controller('data-keys')
export class DataKeysController {
  constructor(private readonly keys: DataKeysService) {}

  @Returns(KeyRotationProgressResponse)
  @Post('field/rotate')
  @HttpCode(202)
  @Roles(Role.DistrictAdmin)
  @ApiOperation({ summary: '轮换本区数据密钥并重新加密 / Rotate the district field key and re-encrypt existing values (a job)' })
  rotate(@CurrentActor() actor: Actor) {
    return this.keys.rotate(actor);
  }

  @Returns(KeyRotationProgressResponse)
  @Get('rotations/latest')
  @Roles(Role.DistrictAdmin)
  @ApiOperation({ summary: '最近一次重新加密进度 / Progress of the latest re-encryption' })
  latest() {
    return this.keys.progress();
  }

  @Returns(KeyRotationProgressResponse)
  @Get('rotations/:id')
  @Roles(Role.DistrictAdmin)
  @ApiOperation({ summary: '重新加密进度 / Progress of one re-encryption' })
  get(@Param('id', ParseIdPipe) id: string) {
    return this.keys.progress(id);
  }
}
