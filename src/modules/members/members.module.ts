import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PlacesModule } from '../places/places.module';
import { InvitationEntity } from './invitation.entity';
import { MembershipEntity } from './membership.entity';
import { InvitationsController, MembersController, UsersController } from './members.controller';
import { MembersService } from './members.service';
import { InvitationLinksService } from './invitation-links.service';

/** Members: the district's people, their roles and invitations. */
@Module({
  imports: [TypeOrmModule.forFeature([MembershipEntity, InvitationEntity]), PlacesModule],
  controllers: [MembersController, UsersController, InvitationsController],
  providers: [MembersService, InvitationLinksService],
  exports: [MembersService, InvitationLinksService],
})
export class MembersModule {}
