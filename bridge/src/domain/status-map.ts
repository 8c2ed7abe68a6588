import type { MappingProfile, OrderAction } from '../contracts/index.js';

/**
 * What a WooCommerce status does in GP, from the profile's status map (SPEC §3 "Orders"). A status the map
 * does not name does nothing: a new status from an extension must never create GP documents by accident.
 */
export function orderActionFor(status: string, profile: MappingProfile): OrderAction {
  const key = status.replace(/^wc-/, '');
  return Object.hasOwn(profile.status_map, key) ? (profile.status_map[key] ?? 'ignore') : 'ignore';
}
