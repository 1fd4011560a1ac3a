import { passwordProblem } from './users/password-policy';
import { SettingRule } from './config/app-config';
import { matchWeightsProblem } from './matching/match-factors';

/** The settings whose rules belong to a domain; the configuration checks them as it loads (see SettingRule). */
export const DOMAIN_SETTING_RULES: readonly SettingRule[] = [
  { setting: 'MATCH_WEIGHTS', problem: matchWeightsProblem },
  { setting: 'DEMO_PASSWORD', problem: (password) => passwordProblem(password) },
];
