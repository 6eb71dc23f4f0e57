/**
 * Invite codes in SQLite. Redeeming is one conditional UPDATE (unused and not expired) inside an
 * immediate transaction with its read-back: of two redeemers, the second finds no row to change.
 */
import type { Database } from 'better-sqlite3';
import type { Role } from '../../core/contract';
import type { InviteRecord } from '../../core/app/people/store';

interface InviteRow {
  code: string;
  city_id: string;
  role: Role;
  unit_id: string | null;
  created_by: string;
  created_at: number;
  expires_at: number;
  used_by: string | null;
  used_at: number | null;
}

const toInvite = (r: InviteRow): InviteRecord => ({
  code: r.code,
  cityId: r.city_id,
  role: r.role,
  unitId: r.unit_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedBy: r.used_by,
  usedAt: r.used_at,
});

export function inviteQueries(db: Database) {
  const insert = db.prepare(`
    INSERT INTO invites (code, city_id, role, unit_id, created_by, created_at, expires_at, used_by, used_at)
    VALUES (@code, @cityId, @role, @unitId, @createdBy, @createdAt, @expiresAt, @usedBy, @usedAt)`);
  const claim = db.prepare<[string, number, string, number]>(`
    UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL AND expires_at > ?`);
  const get = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE code = ?');

  const redeem = db.transaction((code: string, userId: string, at: number): InviteRecord | null => {
    if (claim.run(userId, at, code, at).changes !== 1) return null;
    const row = get.get(code);
    return row ? toInvite(row) : null;
  });

  return {
    create: (invite: InviteRecord) => void insert.run(invite),
    redeem: (code: string, userId: string, at: number) => redeem.immediate(code, userId, at),
  };
}
