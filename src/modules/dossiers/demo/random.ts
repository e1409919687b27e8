/** Demo data uses the shared seeded PRNG. */
export { createRandom, type Random } from '../../../shared/random';
