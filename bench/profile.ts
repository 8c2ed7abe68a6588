import { MappingProfileSchema, type MappingProfile } from '../bridge/src/contracts/index.js';

/** The profile both benches use: wp-admin's defaults, ship-from site MAIN (seeded in the sandbox GP). */
export const BENCH_PROFILE_INPUT = { version: 'bench-profile-1', documents: { site_id: 'MAIN' } };
export const BENCH_PROFILE: MappingProfile = MappingProfileSchema.parse(BENCH_PROFILE_INPUT);
