export { shapiroWilk, type ShapiroWilkResult } from './shapiroWilk';
export {
  kolmogorovSmirnovNormal,
  kolmogorovLimitCdf,
  lillieforsPValue,
  type KolmogorovSmirnovResult,
} from './kolmogorovSmirnov';
export { normalityPlotData, ppoints, sturgesBinCount, type NormalityPlotData } from './plotData';
