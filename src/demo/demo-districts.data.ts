/**
 * The four demo districts, their streets/towns and communities/villages, for seeding a demonstration.
 *
 * Names are real places, not invented ones, but place lists change every few years (streets merge, communities
 * merge or are renamed), so this is demonstration data, never a reference. Each street says where its names come
 * from:
 *   [listing]  seen in a public place-name listing (GB/T 2260 / statistical division-code pages or a district
 *              office's own publication), mostly as of 2020-2023;
 *   [article]  named in the source articles under /work/shared/seeds;
 *   [memory]   the author's own knowledge, not confirmed against a listing: may be outdated or misplaced.
 * A street marked [listing] may still hold a [memory] community; those are marked one by one.
 */

export interface DemoCommunity {
  name: string;
  kind: 'community' | 'village';
}

export interface DemoStreet {
  name: string;
  kind: 'street' | 'town' | 'township';
  communities: DemoCommunity[];
}

export interface DemoDistrict {
  /** GB/T 2260 code of the district: the tenant key. */
  code: string;
  name: string;
  city: string;
  province: string;
  streets: DemoStreet[];
}

const community = (name: string): DemoCommunity => ({ name, kind: 'community' });
const village = (name: string): DemoCommunity => ({ name, kind: 'village' });

export const DEMO_DISTRICTS: DemoDistrict[] = [
  {
    // Since the 2021 merger with 江干区 the code 330102 covers 14 streets; the old 江干 streets (四季青, 笕桥 …)
    // now belong here.
    code: '330102',
    name: '上城区',
    city: '杭州市',
    province: '浙江省',
    streets: [
      {
        // [listing] the street's own page on how each community got its name. Home of the 湖滨晴雨 studio the
        // Hangzhou article mentions.
        name: '湖滨街道',
        kind: 'street',
        communities: [community('涌金门社区'), community('青年路社区'), community('东坡路社区'), community('岳王路社区')],
      },
      {
        // [listing] 上城发布, 2021: 清波门、劳动路、清河坊、定安路、柳翠井巷 five communities.
        name: '清波街道',
        kind: 'street',
        communities: [community('清波门社区'), community('劳动路社区'), community('清河坊社区'), community('柳翠井巷社区')],
      },
      {
        // [memory] 小营巷社区 is well known; 大学路社区 and 茅廊巷社区 are not confirmed.
        name: '小营街道',
        kind: 'street',
        communities: [community('小营巷社区'), community('大学路社区'), community('茅廊巷社区')],
      },
      {
        // 木场巷社区 [listing, older page; may have been renamed after redevelopment]; 十五奎巷社区 [memory].
        name: '紫阳街道',
        kind: 'street',
        communities: [community('木场巷社区'), community('十五奎巷社区')],
      },
      {
        // [memory] 馒头山社区 is well known; 复兴南苑社区 is not confirmed.
        name: '南星街道',
        kind: 'street',
        communities: [community('馒头山社区'), community('复兴南苑社区')],
      },
      {
        // [listing] division-code page for 四季青街道 (then under code 330104, 江干区).
        name: '四季青街道',
        kind: 'street',
        communities: [community('水湘社区'), community('三堡社区')],
      },
      {
        // [listing] statistical division codes 330102016xxx.
        name: '笕桥街道',
        kind: 'street',
        communities: [community('笕桥社区'), community('黎明社区'), community('机场社区'), community('农科院社区')],
      },
    ],
  },
  {
    // Street names after Wuhou's 2019 street reorganisation (双楠 merged into 浆洗街, 跳伞塔 into 玉林 …).
    code: '510107',
    name: '武侯区',
    city: '成都市',
    province: '四川省',
    streets: [
      {
        // [article] 晋阳社区 is the Chengdu article's old residential compound fixed with the community fund;
        // [listing] the street's page lists 晋阳、吉福、晋吉、金雁、沙堰 communities.
        name: '晋阳街道',
        kind: 'street',
        communities: [community('晋阳社区'), community('吉福社区'), community('晋吉社区'), community('金雁社区')],
      },
      {
        // [listing] 棕南社区 page (510107005009) and its neighbours; Guangming Daily on 玉林街道黉门街.
        name: '玉林街道',
        kind: 'street',
        communities: [community('玉林北路社区'), community('玉林东路社区'), community('黉门街社区'), community('棕南社区')],
      },
      {
        // [listing] 浆洗街街道 (510107001): 洗面桥、蜀汉街、锦里、少陵、百花、双楠、广福桥、七道堰、楠欣.
        name: '浆洗街街道',
        kind: 'street',
        communities: [community('洗面桥社区'), community('锦里社区'), community('蜀汉街社区'), community('百花社区')],
      },
      {
        // 郭家桥社区 [listing]; 共和路社区 and 新生路社区 [listing, named only as its neighbours: street not confirmed].
        name: '望江路街道',
        kind: 'street',
        communities: [community('郭家桥社区'), community('共和路社区'), community('新生路社区')],
      },
      {
        // [listing] 簇锦社区 (510107011001) and the two communities its page names within the same street.
        name: '簇桥街道',
        kind: 'street',
        communities: [community('簇锦社区'), community('百锦社区'), community('新城社区')],
      },
    ],
  },
  {
    // 花楼街道 and 水塔街道 were merged in 2021 into 花楼水塔街道 (420103002), so they appear here as one street.
    // Real streets left out because no community could be confirmed: 民族、满春、新华、前进、常青、汉兴、江兴街道.
    code: '420103',
    name: '江汉区',
    city: '武汉市',
    province: '湖北省',
    streets: [
      {
        // 江汉关社区 [listing, 420103002002]; 交通路社区 [listing as a neighbour of the old 花楼街, not confirmed
        // after the 2021 community mergers].
        name: '花楼水塔街道',
        kind: 'street',
        communities: [community('江汉关社区'), community('交通路社区')],
      },
      {
        // [listing] 民生社区 (420103004004), into which part of 大龙社区 was merged in 2012.
        name: '民权街道',
        kind: 'street',
        communities: [community('民生社区'), community('大龙社区')],
      },
      {
        // 新舞台社区 [listing, 420103006002]; 天仁社区 [listing as a neighbour only].
        name: '民意街道',
        kind: 'street',
        communities: [community('新舞台社区'), community('天仁社区')],
      },
      {
        // 公园社区 [listing, 420103008009]; 青松社区 and 航侧社区 [listing as neighbours only].
        name: '万松街道',
        kind: 'street',
        communities: [community('公园社区'), community('青松社区'), community('航侧社区')],
      },
      {
        // [listing] 唐蔡社区 (420103009004), whose page names 八古墩社区 and 新村社区 in the same street.
        name: '唐家墩街道',
        kind: 'street',
        communities: [community('唐蔡社区'), community('八古墩社区'), community('新村社区')],
      },
      {
        // [listing] six communities as of mid-2020: 德望、建设、正街、环保、横堤、妙三.
        name: '北湖街道',
        kind: 'street',
        communities: [community('德望社区'), community('建设社区'), community('正街社区'), community('横堤社区')],
      },
    ],
  },
  {
    // 武隆县 became 武隆区 in 2016 (code 500232 → 500156); 巷口镇 was split into 芙蓉街道 and 凤山街道 in 2017,
    // 仙女山镇 became 仙女山街道 in 2020.
    code: '500156',
    name: '武隆区',
    city: '重庆市',
    province: '重庆市',
    streets: [
      {
        // [article] the Wulong article, written by the director of this street office, names 南溪社区, 西路社区
        // and 芙蓉中路社区 (the last also in the pre-2016 code list as 芙蓉中路社区居委会).
        name: '芙蓉街道',
        kind: 'street',
        communities: [community('南溪社区'), community('西路社区'), community('芙蓉中路社区')],
      },
      {
        // [memory] 凤山村 and 芋荷村 were villages of the old 巷口镇; which of them went to 凤山街道 in 2017, and
        // under what name, is not confirmed.
        name: '凤山街道',
        kind: 'street',
        communities: [village('凤山村'), village('芋荷村')],
      },
      {
        // [listing] 仙女山镇's villages before the 2004 village mergers; not confirmed as current.
        name: '仙女山街道',
        kind: 'street',
        communities: [village('白果村'), village('庙树村')],
      },
      {
        // [listing] 白马镇 (500156101): 2 communities, 10 villages.
        name: '白马镇',
        kind: 'town',
        communities: [community('六方坪社区'), community('铁佛寺社区'), village('铁佛村'), village('板桥村')],
      },
      {
        // [listing] a 2021 profile of 江口镇 (500156105) names 银厂村 and 黄桷村.
        name: '江口镇',
        kind: 'town',
        communities: [village('银厂村'), village('黄桷村')],
      },
    ],
  },
];
