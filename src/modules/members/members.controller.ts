import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Actor, ParseIdPipe, RateLimit, Role } from '@sanshe/common';
import { ApiContract, CurrentActor, Public, Returns, Roles } from '@sanshe/auth';
import { AcceptInvitationDto, ChangeRolesDto, InviteMemberDto, ListMembersQuery, ReactivateMemberDto, SuspendMemberDto } from './dto/member.dto';
import { MembersService } from './members.service';
import { InvitationsAcceptResponse, MemberResponse, MembersInviteResponse, MembersResendResponse, UserResponse } from './members.response';
import { MemberListResponse } from '../organisations/organisations.response';

const VIEWERS = [Role.DistrictAdmin, Role.ProgrammeOfficer];

@ApiContract()
@ApiTags('members 人员')
@Controller('members')
export class MembersController {
  constructor(private readonly members: MembersService) {}

  @Returns(MemberListResponse)
  @Get()
  @Roles(...VIEWERS)
  @ApiOperation({ summary: '人员列表 / People in this district, with counts per status' })
  list(@Query() query: ListMembersQuery, @CurrentActor() actor: Actor) {
    return this.members.list(query, actor);
  }

  @Returns(MemberResponse)
  @Get(':id')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: '成员详情 / One membership with its invitation state' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.members.get(id, actor);
  }

  @Returns(MembersInviteResponse)
  @Post('invitations')
  @Roles(Role.DistrictAdmin)
  @ApiOperation({ summary: '邀请人员 / Invite a person by phone or e-mail with roles' })
  invite(@Body() dto: InviteMemberDto, @CurrentActor() actor: Actor) {
    return this.members.invite(dto, actor);
  }

  @Returns(MembersResendResponse)
  @Post(':id/invitations')
  @Roles(Role.DistrictAdmin, Role.OrgAdmin)
  @ApiOperation({ summary: '重新发送邀请 / Send a fresh invitation link' })
  resend(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.members.resendInvitation(id, actor);
  }

  @Returns(UserResponse)
  @Patch(':id/roles')
  @Roles(Role.DistrictAdmin)
  @ApiOperation({ summary: '调整角色 / Change roles' })
  changeRoles(@Param('id', ParseIdPipe) id: string, @Body() dto: ChangeRolesDto, @CurrentActor() actor: Actor) {
    return this.members.changeRoles(id, dto, actor);
  }

  @Returns(UserResponse)
  @Post(':id/suspend')
  @Roles(Role.DistrictAdmin)
  @HttpCode(200)
  @ApiOperation({ summary: '停用 / Suspend a membership (takes effect on the next request)' })
  suspend(@Param('id', ParseIdPipe) id: string, @Body() dto: SuspendMemberDto, @CurrentActor() actor: Actor) {
    return this.members.suspend(id, dto.reason, dto.version, actor);
  }

  @Returns(UserResponse)
  @Post(':id/reactivate')
  @Roles(Role.DistrictAdmin)
  @HttpCode(200)
  @ApiOperation({ summary: '恢复 / Reactivate a suspended membership' })
  reactivate(@Param('id', ParseIdPipe) id: string, @Body() dto: ReactivateMemberDto, @CurrentActor() actor: Actor) {
    return this.members.reactivate(id, dto.version, actor);
  }
}

@ApiContract()
@ApiTags('members 人员')
@Controller('users')
export class UsersController {
  constructor(private readonly members: MembersService) {}

  @Returns(UserResponse)
  @Get(':id')
  @Roles(...VIEWERS)
  @ApiOperation({ summary: '用户（本区县视角）/ A person as a member of this district' })
  get(@Param('id', ParseIdPipe) id: string, @CurrentActor() actor: Actor) {
    return this.members.getUser(id, actor);
  }
}

@ApiContract()
@ApiTags('members 人员')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly members: MembersService) {}

  @Returns(InvitationsAcceptResponse)
  @Post('accept')
  @Public()
  @RateLimit(20, 60)
  @HttpCode(200)
  @ApiOperation({ summary: '接受邀请 / Accept an invitation (sets a password for a new account)' })
  accept(@Body() dto: AcceptInvitationDto) {
    return this.members.accept(dto);
  }
}
