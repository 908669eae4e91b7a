import { PROVINCE_NAMES, checkDivisionCode } from '@sanshe/common/validation';
import { DEMO_DISTRICTS } from './demo-districts.data';

function duplicates(names: string[]): string[] {
  return names.filter((name, i) => names.indexOf(name) !== i);
}

describe('DEMO_DISTRICTS', () => {
  it('seeds the four districts of the source articles', () => {
    expect(DEMO_DISTRICTS.map((d) => `${d.code} ${d.name}`)).toEqual([
      '330102 上城区',
      '510107 武侯区',
      '420103 江汉区',
      '500156 武隆区',
    ]);
  });

  it.each(DEMO_DISTRICTS.map((d) => [d.code, d.name, d]))('%s %s has a valid county-level division code', (code) => {
    expect(checkDivisionCode(code as string)).toMatchObject({ ok: true });
  });

  it.each(DEMO_DISTRICTS.map((d) => [d.name, d]))('%s is in the province its code says', (_name, district) => {
    const d = district as (typeof DEMO_DISTRICTS)[number];
    expect(PROVINCE_NAMES[d.code.slice(0, 2)]).toBe(d.province);
  });

  it('has no two districts with the same code or name', () => {
    expect(duplicates(DEMO_DISTRICTS.map((d) => d.code))).toEqual([]);
    expect(duplicates(DEMO_DISTRICTS.map((d) => d.name))).toEqual([]);
  });

  it.each(DEMO_DISTRICTS.map((d) => [d.name, d]))('%s has no two streets with the same name', (_name, district) => {
    const d = district as (typeof DEMO_DISTRICTS)[number];
    expect(d.streets.length).toBeGreaterThan(0);
    expect(duplicates(d.streets.map((s) => s.name))).toEqual([]);
  });

  it('has no two communities with the same name within a street, and no street without one', () => {
    for (const district of DEMO_DISTRICTS) {
      for (const street of district.streets) {
        expect({ street: street.name, empty: street.communities.length === 0 }).toEqual({ street: street.name, empty: false });
        expect({ street: street.name, duplicates: duplicates(street.communities.map((c) => c.name)) }).toEqual({
          street: street.name,
          duplicates: [],
        });
      }
    }
  });

  it('names every place with the suffix its kind calls for (街道/镇/乡, 社区/村)', () => {
    const streetSuffix = { street: '街道', town: '镇', township: '乡' } as const;
    const communitySuffix = { community: '社区', village: '村' } as const;
    for (const district of DEMO_DISTRICTS) {
      for (const street of district.streets) {
        expect(street.name.endsWith(streetSuffix[street.kind])).toBe(true);
        for (const c of street.communities) {
          expect({ name: c.name, ok: c.name.endsWith(communitySuffix[c.kind]) }).toEqual({ name: c.name, ok: true });
        }
      }
    }
  });

  it('gives 武侯区 a community named after 晋阳, the compound in the Chengdu article', () => {
    const wuhou = DEMO_DISTRICTS.find((d) => d.name === '武侯区');
    const names = wuhou?.streets.flatMap((s) => s.communities.map((c) => c.name)) ?? [];
    expect(names.some((name) => name.includes('晋阳'))).toBe(true);
  });

  it('gives 武隆区 the street 芙蓉街道 whose director wrote the Wulong article', () => {
    const wulong = DEMO_DISTRICTS.find((d) => d.name === '武隆区');
    const furong = wulong?.streets.find((s) => s.name === '芙蓉街道');
    expect(furong).toMatchObject({ kind: 'street' });
    expect(furong?.communities.length).toBeGreaterThan(0);
  });
});
