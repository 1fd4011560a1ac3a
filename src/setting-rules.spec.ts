import { ConfigError, loadConfig } from './config/app-config';
import { DOMAIN_SETTING_RULES } from './setting-rules';

const problemOf = (env: Record<string, string>): string | undefined => {
  try {
    loadConfig(env, DOMAIN_SETTING_RULES);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
};

describe('the settings whose rules belong to a domain', () => {
  it('holds the demo password to the password rules', () => {
    expect(loadConfig({}, DOMAIN_SETTING_RULES).DEMO_PASSWORD).toBe('waterbridge-demo');
    expect(problemOf({ DEMO_PASSWORD: 'demo1234' })).toBe(
      'Invalid configuration: DEMO_PASSWORD must be at least 12 characters long (got (value hidden))',
    );
  });

  it('refuses match weights that name an unknown factor or are not JSON', () => {
    expect(loadConfig({ MATCH_WEIGHTS: '{"text": 2}' }, DOMAIN_SETTING_RULES).MATCH_WEIGHTS).toBe('{"text": 2}');
    expect(problemOf({ MATCH_WEIGHTS: '{"luck": 1}' })).toMatch(
      /^Invalid configuration: MATCH_WEIGHTS .*unknown factor "luck".* \(got "\{\\"luck\\": 1\}"\)$/,
    );
    expect(problemOf({ MATCH_WEIGHTS: 'text=1' })).toMatch(/^Invalid configuration: MATCH_WEIGHTS .*JSON object/);
  });
});
