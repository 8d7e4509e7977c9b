export { breuschPagan, type BreuschPaganResult } from './breuschPagan';
export { durbinWatson, PAN_MAX_EIGENVALUES, type DurbinWatsonAlternative, type DurbinWatsonOptions, type DurbinWatsonResult } from './durbinWatson';
export { durbinWatsonBounds, durbinWatsonDecision, type DurbinWatsonBounds, type DurbinWatsonDecision } from './durbinWatsonBounds';
export { glejser, type GlejserCoefficient, type GlejserOptions, type GlejserResult } from './glejser';
export { imhofProbability } from './imhof';
export { panProbability } from './pan';
export {
  classicAssumptions,
  type ClassicAssumptionsInput,
  type ClassicAssumptionsResult,
  type Verdict,
} from './classicAssumptions';
