/** Demo data uses the shared seeded PRNG. */
export { createRandom as createDemoRandom, type Random as DemoRandom } from '../../../shared/random';
