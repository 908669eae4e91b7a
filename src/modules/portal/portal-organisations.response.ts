import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LocalisedLabel, PageOf } from '@sanshe/common';
import { OrganisationServiceArea, OrganisationSummaryGrade } from '../organisations/organisations.response';

/* Response bodies of this controller's operations, as documented in the OpenAPI contract. */

export class QualifiedOrganisationSummaryQualification {
  @ApiProperty({ type: () => [OrganisationServiceArea] }) serviceAreas: OrganisationServiceArea[];
  @ApiProperty({ type: String, format: 'date' }) validFrom: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) validUntil: string | null;
}


export class QualifiedOrganisationSummary {
  @ApiProperty({ type: String, example: "成都市武侯区晋阳社会工作服务中心" }) name: string;
  @ApiProperty({ type: String, example: "52510107MJ0A00101T" }) creditCode: string;
  @ApiProperty({ type: String, example: "social_service_agency" }) orgType: string;
  @ApiProperty({ type: () => LocalisedLabel }) orgTypeLabel: LocalisedLabel;
  @ApiProperty({ type: () => OrganisationSummaryGrade, nullable: true }) grade: OrganisationSummaryGrade | null;
  @ApiProperty({ type: () => [OrganisationServiceArea] }) qualifiedAreas: OrganisationServiceArea[];
  @ApiProperty({ type: () => [QualifiedOrganisationSummaryQualification] }) qualifications: QualifiedOrganisationSummaryQualification[];
}


export class QualifiedOrganisationListDistrict {
  @ApiProperty({ type: String, example: "510107" }) code: string;
  @ApiProperty({ type: String, example: "武侯区" }) name: string;
}


export class QualifiedOrganisationListResponse extends PageOf(QualifiedOrganisationSummary) {
  @ApiProperty({ type: () => QualifiedOrganisationListDistrict }) district: QualifiedOrganisationListDistrict;
  @ApiProperty({ type: String, format: 'date' }) asOf: string;
}


export class PortalOrganisationsRegisterMessage {
  @ApiProperty({ name: "zh-CN", type: String, example: "登记申请已保存。激活邀请已发送至 139****8003，请激活账号后登录，补全资料、上传登记证书和章程并提交核验。" }) "zh-CN": string;
  @ApiProperty({ type: String }) en: string;
}

export class PortalOrganisationsRegisterResponse {
  @ApiProperty({ type: String, format: 'uuid' }) registrationId: string;
  @ApiProperty({ type: String, example: "武侯区晋阳社会工作服务中心" }) name: string;
  @ApiProperty({ type: String, example: "draft" }) status: string;
  @ApiProperty({ type: String, example: "139****8003" }) invitationSentTo: string;
  @ApiProperty({ type: () => PortalOrganisationsRegisterMessage }) message: PortalOrganisationsRegisterMessage;
}

