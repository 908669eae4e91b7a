import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export type PlaceLevel = 'district' | 'street' | 'community';
export type PlaceKind = 'district' | 'street' | 'town' | 'township' | 'community' | 'village';

/** A node of the district → street/town → community/village tree. */
@Entity('places')
export class PlaceEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column('uuid', { name: 'tenant_id' }) tenantId: string;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  @Column('text') level: PlaceLevel;
  @Column('text') kind: PlaceKind;
  @Column('text') name: string;
  @Column('text', { name: 'division_code', nullable: true }) divisionCode: string | null;
  @Column('text') status: 'active' | 'archived';
  @VersionColumn() version: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** Which level each kind sits at, and which level its parent must be. */
export const KIND_LEVEL: Record<PlaceKind, { level: PlaceLevel; parentLevel: PlaceLevel | null; zh: string }> = {
  district: { level: 'district', parentLevel: null, zh: '区县' },
  street: { level: 'street', parentLevel: 'district', zh: '街道' },
  town: { level: 'street', parentLevel: 'district', zh: '镇' },
  township: { level: 'street', parentLevel: 'district', zh: '乡' },
  community: { level: 'community', parentLevel: 'street', zh: '社区' },
  village: { level: 'community', parentLevel: 'street', zh: '村' },
};
