import pino from 'pino';
import { loadConfig, type EnvInput } from '../../src/core/config.js';
import { createContext, type AppContext, type ContextOverrides } from '../../src/context.js';
import type { Store } from '../../src/store/db.js';

/**
 * A context over an already open test store. Crawling tests allow loopback only (the fixture server on
 * 127.0.0.1), with no politeness delay so they run fast.
 */
export async function testContext(
  store: Store,
  overrides: Omit<ContextOverrides, 'store'> = {},
  env: EnvInput = {},
): Promise<AppContext> {
  const config = loadConfig({
    KIEMTIN_ALLOW_HOSTS: '127.0.0.1',
    KIEMTIN_HOST_MIN_DELAY_MS: '0',
    KIEMTIN_FETCH_TIMEOUT_MS: '3000',
    KIEMTIN_FETCH_RETRIES: '1',
    KIEMTIN_LOG_LEVEL: 'silent',
    ...env,
  });
  return createContext(config, { store, logger: pino({ level: 'silent' }), ...overrides });
}
