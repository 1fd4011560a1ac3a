export { freePort } from '../../src/infra/embedded/free-port';
