import { Injectable } from '@nestjs/common';
import { Page } from '@sanshe/common';
import { AuditService } from '@sanshe/audit';
import { assertVersion, keysetPage } from '@sanshe/database';
import { TenantContext } from '@sanshe/tenancy';
import { CreatePlaceDto, ListPlacesQuery, UpdatePlaceDto } from './dto/place.dto';
import { KIND_LEVEL, PlaceEntity } from './place.entity';
import { PlacesErrorCode, placesError } from './places.errors';

const PLACE_COLUMNS = `p.id, p.parent_id, p.level, p.kind, p.name, p.division_code, p.status, p.version, p.created_at, p.updated_at`;

interface PlaceRow {
  id: string;
  parent_id: string | null;
  level: PlaceEntity['level'];
  kind: PlaceEntity['kind'];
  name: string;
  division_code: string | null;
  status: PlaceEntity['status'];
  version: number;
  created_at: Date;
  updated_at: Date;
}

export interface PlaceView {
  id: string;
  parentId: string | null;
  level: PlaceEntity['level'];
  kind: PlaceEntity['kind'];
  name: string;
  divisionCode: string | null;
  status: PlaceEntity['status'];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

function toView(r: PlaceRow): PlaceView {
  return {
    id: r.id, parentId: r.parent_id, level: r.level, kind: r.kind, name: r.name, divisionCode: r.division_code,
    status: r.status, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at,
  };
}

export interface PlaceNode {
  id: string;
  kind: PlaceEntity['kind'];
  level: PlaceEntity['level'];
  name: string;
  divisionCode: string | null;
  version: number;
  children: PlaceNode[];
}

/**
 * The district's own geography: district → streets/towns → communities/villages. Everything placed in a community
 * (projects, needs, funds, people served) rolls up along this tree.
 */
@Injectable()
export class PlacesService {
  constructor(
    private readonly ctx: TenantContext,
    private readonly audit: AuditService,
  ) {}

  private get repo() {
    return this.ctx.repo(PlaceEntity);
  }

  /** The whole active tree, for the place picker and the admin page. */
  async tree(): Promise<PlaceNode> {
    const rows = await this.repo.find({ where: { status: 'active' }, order: { level: 'ASC', name: 'ASC' } });
    const nodes = new Map<string, PlaceNode>();
    for (const r of rows) nodes.set(r.id, { id: r.id, kind: r.kind, level: r.level, name: r.name, divisionCode: r.divisionCode, version: r.version, children: [] });
    let root: PlaceNode | undefined;
    for (const r of rows) {
      const node = nodes.get(r.id)!;
      if (!r.parentId) root = node;
      else nodes.get(r.parentId)?.children.push(node);
    }
    if (!root) throw new Error('District has no root place');
    return root;
  }

  /** Keyset page on `(tenant_id, status, level, name, id)` with a capped total (see `keysetPage`). */
  async list(query: ListPlacesQuery): Promise<Page<PlaceView>> {
    const params: unknown[] = [query.status ?? 'active'];
    const where = ['p.status = $1'];
    if (query.level) where.push(`p.level = $${params.push(query.level)}`);
    if (query.parentId) where.push(`p.parent_id = $${params.push(query.parentId)}`);
    if (query.q) where.push(`p.name LIKE $${params.push(`%${query.q.replace(/[%_\\]/g, '\\$&')}%`)}`);
    const page = await keysetPage<PlaceRow>(this.ctx.manager(), {
      select: `SELECT ${PLACE_COLUMNS} FROM places p`, countFrom: 'FROM places p', where, params,
      order: { key: 'p.name', type: 'text', id: 'p.id', direction: 'asc' }, limit: query.limit, cursor: query.cursor,
    });
    return { ...page, items: page.items.map(toView) };
  }

  /** One place with the path above it (for breadcrumbs) and how many active places sit below it. */
  async get(id: string) {
    const place = await this.find(id);
    const path: Array<{ id: string; name: string; kind: string }> = await this.ctx.manager().query(
      `WITH RECURSIVE up AS (
         SELECT id, parent_id, name, kind, 0 AS depth FROM places WHERE id = $1
         UNION ALL SELECT p.id, p.parent_id, p.name, p.kind, up.depth + 1 FROM places p JOIN up ON p.id = up.parent_id)
       SELECT id, name, kind FROM up WHERE depth > 0 ORDER BY depth DESC`,
      [id],
    );
    const childCount = await this.repo.count({ where: { parentId: id, status: 'active' } });
    return { ...place, path, childCount };
  }

  async create(dto: CreatePlaceDto): Promise<PlaceEntity> {
    const parent = await this.find(dto.parentId);
    const rule = KIND_LEVEL[dto.kind];
    if (parent.status !== 'active') throw placesError(PlacesErrorCode.PLACE_ARCHIVED, { parentId: parent.id });
    if (parent.level !== rule.parentLevel) {
      throw placesError(PlacesErrorCode.PLACE_PARENT_INVALID, { parentLevel: parent.level, expectedParentLevel: rule.parentLevel });
    }
    await this.assertNameFree(parent.id, dto.name);
    const place = await this.repo.save(
      this.repo.create({
        tenantId: this.ctx.tenantId(),
        parentId: parent.id,
        level: rule.level,
        kind: dto.kind,
        name: dto.name,
        divisionCode: dto.divisionCode ?? null,
        status: 'active',
      }),
    );
    await this.audit.record({ action: 'place.created', entityType: 'place', entityId: place.id, after: place });
    return place;
  }

  async update(id: string, dto: UpdatePlaceDto): Promise<PlaceEntity> {
    const place = await this.find(id, { lock: true });
    if (!place.parentId) throw placesError(PlacesErrorCode.PLACE_ROOT_LOCKED);
    if (place.status !== 'active') throw placesError(PlacesErrorCode.PLACE_ARCHIVED);
    assertVersion(place, dto.version);
    const before = { ...place };
    if (dto.name !== undefined && dto.name !== place.name) {
      await this.assertNameFree(place.parentId, dto.name);
      place.name = dto.name;
    }
    if (dto.divisionCode !== undefined) place.divisionCode = dto.divisionCode;
    const saved = await this.repo.save(place);
    await this.audit.record({ action: 'place.updated', entityType: 'place', entityId: id, before, after: saved });
    return saved;
  }

  /** Archiving keeps history intact; it is refused while active places or members still sit in the place. */
  async archive(id: string, version: number): Promise<PlaceEntity> {
    const place = await this.find(id, { lock: true });
    if (!place.parentId) throw placesError(PlacesErrorCode.PLACE_ROOT_LOCKED);
    if (place.status !== 'active') throw placesError(PlacesErrorCode.PLACE_ARCHIVED);
    assertVersion(place, version);
    const [use]: Array<{ children: number; members: number }> = await this.ctx.manager().query(
      `SELECT (SELECT count(*)::int FROM places WHERE parent_id = $1 AND status = 'active') AS children,
              (SELECT count(*)::int FROM memberships WHERE place_id = $1 AND status <> 'suspended') AS members`,
      [id],
    );
    if (use.children || use.members) throw placesError(PlacesErrorCode.PLACE_IN_USE, use);
    const before = { ...place };
    place.status = 'archived';
    const saved = await this.repo.save(place);
    await this.audit.record({ action: 'place.archived', entityType: 'place', entityId: id, before, after: saved });
    return saved;
  }

  /** For other modules: the place must exist in this district, be active and be of the given level. */
  async requireActive(id: string, level?: PlaceEntity['level']): Promise<PlaceEntity> {
    const place = await this.find(id);
    if (place.status !== 'active') throw placesError(PlacesErrorCode.PLACE_ARCHIVED, { placeId: id });
    if (level && place.level !== level) throw placesError(PlacesErrorCode.PLACE_PARENT_INVALID, { placeId: id, expectedLevel: level });
    return place;
  }

  private async find(id: string, opts: { lock?: boolean } = {}): Promise<PlaceEntity> {
    const place = await this.repo.findOne({ where: { id }, lock: opts.lock ? { mode: 'pessimistic_write' } : undefined });
    if (!place) throw placesError(PlacesErrorCode.PLACE_NOT_FOUND, { id });
    return place;
  }

  private async assertNameFree(parentId: string, name: string): Promise<void> {
    const clash = await this.repo.exists({ where: { parentId, name, status: 'active' } });
    if (clash) throw placesError(PlacesErrorCode.PLACE_NAME_TAKEN, { name });
  }
}
