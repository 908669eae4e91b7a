import { creditCodeCheckChar } from '@sanshe/common';
import type { OrganisationType, ServiceArea } from '../modules/organisations/service-areas';

/**
 * Demo social organisations. SYNTHETIC: the names are invented and the unified social credit codes were never issued
 * to anyone — they are built here (civil affairs '5', the type digit, division 510107 / 330102, a made-up
 * organisation part 'MJ…') with a correct GB 32100-2015 check character so they pass the registry's checks.
 */
const code = (first17: string): string => first17 + creditCodeCheckChar(first17);

export interface DemoOrganisation {
  district: string;
  name: string;
  creditCode: string;
  orgType: OrganisationType;
  registrationAuthority: string;
  registeredOn: string;
  legalRepresentative: string;
  /** Community name in the district (see demo-districts.data.ts), if any. */
  community?: string;
  address: string;
  serviceAreas: ServiceArea[];
  introduction: string;
  contact: { name: string; phone: string; email?: string };
  bank: { accountName: string; bankName: string; accountNo: string };
  staffCount: number;
  certifiedSocialWorkers: number;
  status: 'verified' | 'submitted';
  grade?: { grade: number; validFrom: string; validUntil: string };
  qualification?: { serviceAreas: ServiceArea[]; validFrom: string; validUntil: string | null };
  /** Demo accounts (phones, see demo-accounts.ts) whose organisation roles act for this organisation. */
  accounts: string[];
}

const JINYANG_CODE = code('52510107MJ0A00101');

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  {
    district: '510107',
    name: '成都市武侯区晋阳社会工作服务中心',
    creditCode: JINYANG_CODE,
    orgType: 'social_service_agency',
    registrationAuthority: '成都市武侯区民政局',
    registeredOn: '2016-04-18',
    legalRepresentative: '刘理事长',
    community: '晋阳社区',
    address: '成都市武侯区晋阳路（演示地址）',
    serviceAreas: ['elderly', 'community_governance', 'assistance'],
    introduction: '扎根晋阳街道的专业社工机构，开展居家养老、社区基金议事和困难家庭帮扶服务。（演示数据）',
    contact: { name: '孙干事', phone: '13800510108', email: 'jinyang-sw@example.cn' },
    bank: { accountName: '成都市武侯区晋阳社会工作服务中心', bankName: '成都银行武侯支行（演示）', accountNo: '6200000000000101' },
    staffCount: 18,
    certifiedSocialWorkers: 9,
    status: 'verified',
    grade: { grade: 4, validFrom: '2024-01-01', validUntil: '2028-12-31' },
    qualification: { serviceAreas: ['elderly', 'community_governance'], validFrom: '2025-01-01', validUntil: '2027-12-31' },
    accounts: ['13800510107', '13800510108', '13800510109', '13800510110'],
  },
  {
    district: '510107',
    name: '成都市武侯区玉林青少年成长服务中心',
    creditCode: code('52510107MJ0A00202'),
    orgType: 'social_service_agency',
    registrationAuthority: '成都市武侯区民政局',
    registeredOn: '2019-09-02',
    legalRepresentative: '周某某',
    community: '玉林北路社区',
    address: '成都市武侯区玉林北路（演示地址）',
    serviceAreas: ['youth', 'women_children', 'mental_health'],
    introduction: '为社区青少年和流动儿童提供课后陪伴、心理支持和家庭教育服务。（演示数据）',
    contact: { name: '周老师', phone: '028-85000202' },
    bank: { accountName: '成都市武侯区玉林青少年成长服务中心', bankName: '中国银行成都玉林支行（演示）', accountNo: '6200000000000202' },
    staffCount: 9,
    certifiedSocialWorkers: 4,
    status: 'verified',
    grade: { grade: 3, validFrom: '2023-07-01', validUntil: '2027-06-30' },
    qualification: { serviceAreas: ['youth', 'women_children'], validFrom: '2025-03-01', validUntil: null },
    accounts: ['13800510112'],
  },
  {
    district: '510107',
    name: '成都市武侯区社区发展促进会',
    creditCode: code('51510107MJ0A00303'),
    orgType: 'social_group',
    registrationAuthority: '成都市武侯区民政局',
    registeredOn: '2014-11-20',
    legalRepresentative: '王某某',
    address: '成都市武侯区（演示地址）',
    serviceAreas: ['community_governance', 'volunteering'],
    introduction: '枢纽型社会组织，联系全区社区社会组织，培育社区自组织。（演示数据）',
    contact: { name: '王秘书长', phone: '028-85000303' },
    bank: { accountName: '成都市武侯区社区发展促进会', bankName: '农业银行成都武侯支行（演示）', accountNo: '6200000000000303' },
    staffCount: 6,
    certifiedSocialWorkers: 2,
    status: 'verified',
    grade: { grade: 5, validFrom: '2025-01-01', validUntil: '2029-12-31' },
    qualification: { serviceAreas: ['community_governance'], validFrom: '2025-01-01', validUntil: '2026-12-31' },
    accounts: [],
  },
  {
    district: '510107',
    name: '成都市武侯社区发展基金会',
    creditCode: code('53510107MJ0A00404'),
    orgType: 'foundation',
    registrationAuthority: '成都市武侯区民政局',
    registeredOn: '2021-06-15',
    legalRepresentative: '钱某某',
    address: '成都市武侯区（演示地址）',
    serviceAreas: ['assistance', 'community_governance'],
    introduction: '区级社区基金会，管理各社区基金并资助社区微项目。（演示数据）',
    contact: { name: '钱基金', phone: '13800510111' },
    bank: { accountName: '成都市武侯社区发展基金会', bankName: '工商银行成都武侯支行（演示）', accountNo: '6200000000000404' },
    staffCount: 5,
    certifiedSocialWorkers: 1,
    status: 'verified',
    accounts: [],
  },
  {
    district: '510107',
    name: '成都市武侯区助残志愿者协会',
    creditCode: code('51510107MJ0A00505'),
    orgType: 'social_group',
    registrationAuthority: '成都市武侯区民政局',
    registeredOn: '2024-03-08',
    legalRepresentative: '吴某某',
    community: '金雁社区',
    address: '成都市武侯区（演示地址）',
    serviceAreas: ['disability', 'volunteering'],
    introduction: '新登记的助残志愿服务团体，等待区民政局核验。（演示数据）',
    contact: { name: '吴会长', phone: '028-85000505' },
    bank: { accountName: '成都市武侯区助残志愿者协会', bankName: '建设银行成都武侯支行（演示）', accountNo: '6200000000000505' },
    staffCount: 3,
    certifiedSocialWorkers: 0,
    status: 'submitted',
    accounts: [],
  },
  {
    // The same organisation also works in 上城区: a separate record there (刘理事长 administers both).
    district: '330102',
    name: '成都市武侯区晋阳社会工作服务中心',
    creditCode: JINYANG_CODE,
    orgType: 'social_service_agency',
    registrationAuthority: '成都市武侯区民政局',
    registeredOn: '2016-04-18',
    legalRepresentative: '刘理事长',
    address: '杭州市上城区项目点（演示地址）',
    serviceAreas: ['elderly'],
    introduction: '在上城区承接居家养老试点项目。（演示数据）',
    contact: { name: '刘理事长', phone: '13800510107' },
    bank: { accountName: '成都市武侯区晋阳社会工作服务中心', bankName: '成都银行武侯支行（演示）', accountNo: '6200000000000101' },
    staffCount: 4,
    certifiedSocialWorkers: 2,
    status: 'verified',
    accounts: ['13800510107'],
  },
];
