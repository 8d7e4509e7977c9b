/**
 * Linear regression against R 4.2.2 (stats::lm, summary.lm, confint, logLik/AIC/BIC,
 * rstandard, hatvalues; car::vif). The values below were printed by
 * analysis/regression/testdata/expected.R (Rscript, full precision, `sprintf('%.17g')`);
 * each line carries the exact R expression that produced it. Helper functions used in
 * those expressions are defined in expected.R: `collin` (SPSS collinearity diagnostics
 * from eigen() of the unit-length-scaled cross-product, base R) and `spssvif`
 * (1/(1 - R²) of each design column on the others, via lm).
 * Tolerances: relative error <= 1e-8 for statistics, <= 1e-6 for p-values.
 */
import { describe, expect, it } from 'vitest';
import { linearRegression } from './linear';
import { olsFit } from './ols';
import { longley, mtcars } from './testdata/datasets';

function close(actual: number | null | undefined, expected: number, rel: number, label = ''): void {
  if (Number.isNaN(expected)) {
    expect(actual === null || Number.isNaN(actual), `${label}: expected NaN/null, got ${actual}`).toBe(true);
    return;
  }
  expect(typeof actual, label).toBe('number');
  const a = actual as number;
  const err = expected === 0 ? Math.abs(a) : Math.abs(a - expected) / Math.abs(expected);
  expect(err, `${label}: got ${a}, expected ${expected}`).toBeLessThanOrEqual(rel);
}

function closeAll(actual: readonly (number | null)[], expected: readonly number[], rel: number, label = ''): void {
  expect(actual.length, `${label} length`).toBe(expected.length);
  expected.forEach((e, i) => close(actual[i], e, rel, `${label}[${i}]`));
}

const STAT = 1e-8;
const PVAL = 1e-6;

const longleyR = {
  coef: [-3482.2586345958148, 0.015061872271372779, -0.035819179292591, -0.02020229803816824, -0.010332268671735891, -0.051104105653579195, 1.8291514646135503], // R 4.2.2: coef(m1)
  se: [890.4203836073757, 0.084914925774767377, 0.033491007772243411, 0.0048839968165170283, 0.0021427416316167573, 0.22607320006937262, 0.45547849914221344], // R 4.2.2: coef(summary(m1))[, 2]
  t: [-3.9108029181543209, 0.1773760282299916, -1.06951631722104, -4.1364273559406817, -4.8219853104454371, -0.22605114466419476, 4.0158898127097693], // R 4.2.2: coef(summary(m1))[, 3]
  p: [0.0035604036637263241, 0.86314083280921983, 0.31268106109271437, 0.0025350917341113947, 0.00094436676416182451, 0.82621179576365378, 0.0030368033416303623], // R 4.2.2: coef(summary(m1))[, 4]
  r2: 0.99547900457729555, // R 4.2.2: summary(m1)$r.squared
  adjR2: 0.99246500762882595, // R 4.2.2: summary(m1)$adj.r.squared
  sigma: 0.3048540735619657, // R 4.2.2: summary(m1)$sigma
  F: 330.28533923458622, // R 4.2.2: summary(m1)$fstatistic[1]
  Fp: 4.9840305287249179e-10, // R 4.2.2: pf(summary(m1)$fstatistic[1], 6, 9, lower.tail = FALSE)
  logLik: 0.90664965523358387, // R 4.2.2: logLik(m1)
  aic: 14.186700689532833, // R 4.2.2: AIC(m1)
  bic: 20.36741046745108, // R 4.2.2: BIC(m1)
  vif: [135.53243827998543, 1788.5134827179381, 33.618890596049575, 3.5889301934453179, 399.15102231259254, 758.98059740679253], // R 4.2.2: car::vif(m1)
  ciLow: [-5496.529483274765, -0.17702903529849515, -0.11158110241390179, -0.031250666419735867, -0.015179487001723651, -0.56251721450722203, 0.79878751527841607], // R 4.2.2: confint(m1)[, 1]
  ciHigh: [-1467.9877859168648, 0.20715277984124073, 0.03994274382871979, -0.009153929656600614, -0.0054850503417481324, 0.46030900320006368, 2.8595154139486842], // R 4.2.2: confint(m1)[, 2]
  beta: [0.046282022670908585, -1.0137463487145282, -0.53754257763936619, -0.20474069234425055, -0.10122111394584439, 2.4796643829468228], // R 4.2.2: coef(lm(scale(Employed) ~ scale(as.matrix(longley[, 1:6])), longley))[-1]
  sresid: [1.1560144442654177, -0.46756802130733005, 0.19010069127733056, -1.6979003788014988, 1.6384294910905868, -1.029989100789322, -0.75465674807945027, -0.061430179018733884, 0.063684809223639297, 1.8258179531990586, -0.070801619183664316, -0.1781935515191628, -0.64505653560917831, -0.31991987910841352, 1.4163431298536071, -1.2154044749271811], // R 4.2.2: rstandard(m1)
  leverage: [0.42453693062653147, 0.56497829770226593, 0.36207471236564803, 0.37222778282177177, 0.61551109417413485, 0.36957363383182257, 0.4915315399828537, 0.50465615449929091, 0.45711704389595048, 0.33061521381028824, 0.35988157461833936, 0.48312413057640957, 0.37430840844390734, 0.22837847088362725, 0.37287041007326466, 0.6886146016938941], // R 4.2.2: hatvalues(m1)
  zpred: [-1.5015151681005023, -1.1703658639865615, -1.4818084167575745, -1.0616048928928628, -0.68655835352122985, -0.40772842442107993, -0.046789406768137351, -0.44029982527366557, 0.19625890155943621, 0.59491828485474363, 0.81885048125640569, 0.35246797760598508, 0.99701183466562771, 1.2364856957774262, 1.0479585996922398, 1.5527185763097211], // R 4.2.2: as.vector(scale(fitted(m1)))
  eigen: [6.8613927681543316, 0.082102503612642708, 0.045680784457885065, 0.010688465676188494, 0.00012922813038354405, 6.2463047076641416e-06, 3.6638465605625993e-09], // R 4.2.2: collin(m1)$values
  conditionIndex: [1, 9.1417205198704465, 12.255735049271502, 25.336607098623304, 230.42394600239231, 1048.0802980281039, 43275.042345832189], // R 4.2.2: collin(m1)$ci
  varProp: [1.5401266979398702e-10, 8.1662911651841067e-10, 3.3422473096331312e-08, 1.1910405381185413e-09, 5.2602045931804617e-07, 0.00014913754539616996, 0.99985030084998916, 1.6366698184558138e-06, 7.095535205208381e-09, 1.012272446337146e-07, 0.00034483906193743852, 0.4567659864897754, 0.5045560204882038, 0.038331408967484985, 6.7426180871876982e-07, 7.5261438734236055e-06, 0.00025717426980073101, 0.0010650445208811035, 0.015656133579898666, 0.32838550667007099, 0.65462794055366635, 4.4715008623645981e-05, 0.01428027950066268, 0.00083625760392778113, 0.064642386465099691, 0.0055948200307149197, 0.22534478481902209, 0.68925675657194918, 0.00035369404903364752, 0.091908500066491497, 0.06356501536551068, 0.42672432629379842, 0.11540241426464837, 6.8650165568059667e-07, 0.30204536345886168, 1.7407635555509917e-07, 4.0216926678601059e-08, 8.3892770003345864e-06, 1.8210803692299022e-05, 0.0096822678785016165, 0.83056357649246959, 0.15972734125505386, 1.5414802700984181e-10, 7.7053495800436369e-10, 3.1965204183575804e-08, 1.4267062130190016e-09, 5.2739689792818102e-07, 0.00016031491361836797, 0.99983912337289027], // R 4.2.2: t(collin(m1)$prop)
};
const m2R = {
  coef: [35.845995315187714, -3.1814040466796158, -0.023119809154454662, -3.3590248959359514, -3.1858844449775261], // R 4.2.2: coef(m2)
  se: [2.0410190714103309, 0.71960100213438905, 0.011952196008800819, 1.4016697192928618, 2.1704752896998918], // R 4.2.2: coef(summary(m2))[, 2]
  t: [17.56279292893543, -4.4210667262042982, -1.9343565933348768, -2.3964453606307266, -1.4678280190962383], // R 4.2.2: coef(summary(m2))[, 3]
  p: [2.6703201406812734e-16, 0.00014417557610598369, 0.063612686401873592, 0.023747180276686347, 0.15370474056762357], // R 4.2.2: coef(summary(m2))[, 4]
  r2: 0.85721945246219755, // R 4.2.2: summary(m2)$r.squared
  adjR2: 0.83606677875289348, // R 4.2.2: summary(m2)$adj.r.squared
  sigma: 2.4402309695225082, // R 4.2.2: summary(m2)$sigma
  F: 40.525347492366741, // R 4.2.2: summary(m2)$fstatistic[1]
  Fp: 4.8691419315967091e-11, // R 4.2.2: pf(summary(m2)$fstatistic[1], 4, 27, lower.tail = FALSE)
  logLik: -71.234614696720485, // R 4.2.2: logLik(m2)
  aic: 154.46922939344097, // R 4.2.2: AIC(m2)
  bic: 163.26364481023933, // R 4.2.2: BIC(m2)
  gvif: [2.5808765173164252, 3.4960142661076308, 5.105811369662713], // R 4.2.2: car::vif(m2)[, 1]
  gvifDf: [1, 1, 2], // R 4.2.2: car::vif(m2)[, 2]
  gvifAdj: [1.6065106651735697, 1.8697631577575891, 1.5031980078065941], // R 4.2.2: car::vif(m2)[, 3]
  vifSpss: [2.5808765173164256, 3.4960142661076326, 1.8043367043075462, 6.2301483078053987], // R 4.2.2: spssvif(m2)
  eigen: [3.7223994164194671, 1.0202656661191514, 0.19864064892323849, 0.040992894020360424, 0.017701374517771467], // R 4.2.2: collin(m2)$values
  conditionIndex: [1, 1.9100944807667022, 4.3288987000098826, 9.5292165390575274, 14.501335163221327], // R 4.2.2: collin(m2)$ci
};
const m3R = {
  coef: [32.660110870210197, -3.1814040466796176, -0.023119809154454669, 3.1858844449775212, -0.17314045095842731], // R 4.2.2: coef(m3)
  se: [3.8353393934468381, 0.71960100213438871, 0.011952196008800821, 2.1704752896998905, 1.6539232519277054], // R 4.2.2: coef(summary(m3))[, 2]
  p: [3.9579085652759567e-09, 0.0001441755761059813, 0.063612686401873564, 0.15370474056762404, 0.91739981136914994], // R 4.2.2: coef(summary(m3))[, 4]
  gvif: [2.5808765173164243, 3.4960142661076303, 5.1058113696627103], // R 4.2.2: car::vif(m3)[, 1]
};
const m4R = {
  coef: [36.155442008239689, -3.2607202660633314, -0.024642742106055222, -3.2331994498843337, -2.852064254772936], // R 4.2.2: coef(m4)
  se: [2.0844381669376304, 0.73383201688252242, 0.012914749131627557, 1.4107843239331013, 2.2208843398047518], // R 4.2.2: coef(summary(m4))[, 2]
  t: [17.345413541989473, -4.4434151018860941, -1.908108462262454, -2.2917744371234243, -1.2842020647611367], // R 4.2.2: coef(summary(m4))[, 3]
  p: [3.6401714347817329e-16, 0.00013579871147305437, 0.06706380036589879, 0.029943445809816994, 0.20998177982889504], // R 4.2.2: coef(summary(m4))[, 4]
  r2: 0.85372057440296834, // R 4.2.2: summary(m4)$r.squared
  adjR2: 0.83204954838859324, // R 4.2.2: summary(m4)$adj.r.squared
  sigma: 10.518437191005507, // R 4.2.2: summary(m4)$sigma
  F: 39.394561837389212, // R 4.2.2: summary(m4)$fstatistic[1]
  Fp: 6.7260401705081595e-11, // R 4.2.2: pf(summary(m4)$fstatistic[1], 4, 27, lower.tail = FALSE)
  logLik: -71.953811166895534, // R 4.2.2: logLik(m4)
  aic: 155.90762233379107, // R 4.2.2: AIC(m4)
  bic: 164.70203775058943, // R 4.2.2: BIC(m4)
  gvif: [2.5880844321227845, 3.6960859871479128, 5.1627888138673015], // R 4.2.2: car::vif(m4)[, 1]
  gvifAdj: [1.6087524458793481, 1.9225207377679734, 1.5073742431210546], // R 4.2.2: car::vif(m4)[, 3]
  sresid: [-0.28044893657624748, 0.069105968962420911, -1.5055624950494799, 0.76396647682757857, 0.38798084873308758, -0.44959337181692677, -0.53485680965160198, 0.082015726599082475, -0.37560280335251739, 0.23235269168499484, -0.3938934024101477, 0.33458169580765906, 0.25007212936768947, -0.57069836531016216, -0.33197337789836345, 0.037400281446988155, 2.0329790726406274, 2.2321919807890498, 0.35234678077492709, 2.4154896510521362, -1.8985874035813095, -1.1269451777052557, -1.4014002995780097, -0.56942899986633111, 1.1366518441918947, -0.40275603211821159, -0.37954352425045101, 0.83743956656514029, -0.26629666230220911, 0.051381443337262453, 0.77835767898659658, -1.3175480078738075], // R 4.2.2: rstandard(m4)
  leverage: [0.15479388351599016, 0.14382963064041468, 0.091586460416071852, 0.15870409508911795, 0.12372666503981211, 0.1794272869285406, 0.12118459376529883, 0.18537258538578924, 0.18981401078023177, 0.15332508241447951, 0.15835213429692144, 0.093104479555669251, 0.10003608077861827, 0.10015768863170715, 0.20806010146527357, 0.2452890174858362, 0.23095231709334779, 0.10123195195541827, 0.15414418353300624, 0.12430021127289385, 0.10332641828153991, 0.17002580582499388, 0.1814361230528275, 0.10339634615411836, 0.10019405933276196, 0.10956026891915702, 0.083938980453440573, 0.1609914193411742, 0.19199559834230964, 0.20455579279309619, 0.44745633300224696, 0.12573039445789558], // R 4.2.2: hatvalues(m4)
  eigen: [3.707807801686402, 1.0203899749380234, 0.21534201311698123, 0.038390317448223792, 0.018069892810360332], // R 4.2.2: collin(m4)$values
};
const m5R = {
  coef: [36.273729864879307, -3.6800150729638981, -0.03117297562525978], // R 4.2.2: coef(m5)
  se: [1.7752421513691774, 0.71879602222546868, 0.0097650601307442807], // R 4.2.2: coef(summary(m5))[, 2]
  r2: 0.81815913904690363, // R 4.2.2: summary(m5)$r.squared
  adjR2: 0.80234689026837347, // R 4.2.2: summary(m5)$adj.r.squared
  F: 51.742111479918044, // R 4.2.2: summary(m5)$fstatistic[1]
  logLik: -59.849464930846146, // R 4.2.2: logLik(m5)
  aic: 127.69892986169229, // R 4.2.2: AIC(m5)
  bic: 132.73131601377821, // R 4.2.2: BIC(m5)
  fitted: [23.203063054935335, 22.264659211329537, 24.837008162453913, 21.013454086521804, 18.159207279463036, 20.267715271771948, 15.498697026209555, 22.601757293358371, 21.720249700643357, 19.780202011976545, 19.780202011976552, 15.684932905369486, 16.936138030177215, 16.752137276529023, 10.563190728640588, 9.6111383496922702, 9.4342649060775283, 26.120280313091595, 28.709510789529109, 27.494658790348666, 24.178714074373108, 18.644130464257426, 18.956931745459354, 14.505092956509298, 16.668801174912655, 27.095484307427025, 25.561756826837929, 27.183320813830584, 16.378416518515177, 20.624817378348848, 12.69312921993617, 22.645433618886365], // R 4.2.2: fitted(m5)
  nobs: 26, // R 4.2.2: nobs(m5)
};
const m6R = {
  coef: [6.8404499708353006, -0.033935259906657682], // R 4.2.2: coef(m6)
  se: [1.894247638192972, 0.0393981150048478], // R 4.2.2: coef(summary(m6))[, 2]
  r2: 0.72642594659534265, // R 4.2.2: summary(m6)$r.squared
  adjR2: 0.70818767636836544, // R 4.2.2: summary(m6)$adj.r.squared
  F: 39.829761131669656, // R 4.2.2: summary(m6)$fstatistic[1]
  Fp: 3.5985171588026493e-09, // R 4.2.2: pf(summary(m6)$fstatistic[1], 2, 30, lower.tail = FALSE)
  logLik: -122.01261481267696, // R 4.2.2: logLik(m6)
};
const m7R = {
  coef: [37.227270116447201, -3.8778307424046821, -0.031772946982161002, NaN], // R 4.2.2: coef(m7)
  se: [1.5987875379993941, 0.63273349437739534, 0.0090297096758557224], // R 4.2.2: coef(summary(m7))[, 2]
  r2: 0.82678545188279118, // R 4.2.2: summary(m7)$r.squared
  F: 69.211213391777648, // R 4.2.2: summary(m7)$fstatistic[1]
  aic: 156.65233882564132, // R 4.2.2: AIC(m7)
};

const longleyX = ['GNP.deflator', 'GNP', 'Unemployed', 'Armed.Forces', 'Population', 'Year'];

describe('linearRegression: longley, Employed ~ .', () => {
  const r = linearRegression({ rows: longley, y: 'Employed', x: longleyX });
  const col = <K extends keyof (typeof r.coefficients)[number]>(k: K) => r.coefficients.map((c) => c[k]);

  it('coefficients, SE, t, p, CI', () => {
    expect(col('term')).toEqual(['(Intercept)', ...longleyX]);
    closeAll(col('estimate') as number[], longleyR.coef, STAT, 'B');
    closeAll(col('se') as number[], longleyR.se, STAT, 'SE');
    closeAll(col('statistic') as number[], longleyR.t, STAT, 't');
    closeAll(col('p') as number[], longleyR.p, PVAL, 'p');
    closeAll(col('ciLow') as number[], longleyR.ciLow, STAT, 'ciLow');
    closeAll(col('ciHigh') as number[], longleyR.ciHigh, STAT, 'ciHigh');
  });

  it('fit statistics and SPSS Model Summary / ANOVA', () => {
    close(r.rSquared, longleyR.r2, STAT, 'R2');
    close(r.adjRSquared, longleyR.adjR2, STAT, 'adjR2');
    close(r.residualSE, longleyR.sigma, STAT, 'sigma');
    close(r.fStatistic, longleyR.F, STAT, 'F');
    close(r.fP, longleyR.Fp, PVAL, 'F p');
    close(r.logLik, longleyR.logLik, STAT, 'logLik');
    close(r.aic, longleyR.aic, STAT, 'AIC');
    close(r.bic, longleyR.bic, STAT, 'BIC');
    expect([r.fDf1, r.fDf2, r.n, r.nExcluded]).toEqual([6, 9, 16, 0]);
    close(r.modelSummary.r, Math.sqrt(longleyR.r2), STAT, 'R');
    close(r.anova.residual.ss, longleyR.sigma ** 2 * 9, STAT, 'RSS');
    close(r.anova.regression.ss / (r.anova.regression.ss + r.anova.residual.ss), longleyR.r2, STAT, 'SSreg/SStot');
    close(r.anova.total.ss, r.anova.regression.ss + r.anova.residual.ss, 1e-12, 'SStot');
    expect([r.anova.regression.df, r.anova.residual.df, r.anova.total.df]).toEqual([6, 9, 15]);
    close(r.anova.regression.f, longleyR.F, STAT, 'ANOVA F');
  });

  it('standardised Beta, tolerance and VIF (car::vif), intercept row null', () => {
    closeAll(col('beta').slice(1) as number[], longleyR.beta, STAT, 'beta');
    closeAll(col('vif').slice(1) as number[], longleyR.vif, STAT, 'VIF');
    closeAll(col('tolerance').slice(1) as number[], longleyR.vif.map((v) => 1 / v), STAT, 'tolerance');
    expect([r.coefficients[0].beta, r.coefficients[0].tolerance, r.coefficients[0].vif]).toEqual([null, null, null]);
    closeAll(r.gvif.map((g) => g.gvif), longleyR.vif, STAT, 'GVIF of one-column terms = VIF');
  });

  it('residual diagnostics: SRESID (rstandard), leverage (hatvalues), ZPRED', () => {
    closeAll(r.sresid, longleyR.sresid, STAT, 'SRESID');
    closeAll(r.leverage, longleyR.leverage, STAT, 'leverage');
    closeAll(r.zpred, longleyR.zpred, STAT, 'ZPRED');
    expect(r.design.X).toHaveLength(16);
    expect(r.design.columnNames).toEqual(['(Intercept)', ...longleyX]);
  });

  it('collinearity diagnostics as SPSS (eigenvalues, condition indices, variance proportions)', () => {
    // Longley's scaled cross-product has a smallest eigenvalue near 1e-9 (condition number ~1e10): both R's
    // eigen() and ours work on the explicitly formed X'X, so relative agreement is bounded near 1e-7 (tolerance 1e-6).
    expect(r.collinearity.columns).toEqual(['(Intercept)', ...longleyX]);
    closeAll(r.collinearity.dimensions.map((d) => d.eigenvalue), longleyR.eigen, 1e-6, 'eigenvalue');
    closeAll(r.collinearity.dimensions.map((d) => d.conditionIndex), longleyR.conditionIndex, 1e-6, 'condition index');
    // varProp from R is as.vector(t(prop)) (dims x columns, column-major): column-major order, dimension fastest
    const props = r.collinearity.columns.flatMap((_, j) => r.collinearity.dimensions.map((d) => d.varianceProportions[j]));
    longleyR.varProp.forEach((e, i) => expect(Math.abs(props[i] - e), `varProp[${i}]`).toBeLessThanOrEqual(1e-6));
  });
});

describe('linearRegression: mtcars, mpg ~ wt + hp + factor(cyl)', () => {
  const r = linearRegression({ rows: mtcars, y: 'mpg', x: ['wt', 'hp'], factors: ['cyl'] });
  const col = <K extends keyof (typeof r.coefficients)[number]>(k: K) => r.coefficients.map((c) => c[k]);

  it('dummy coding with the first sorted level as reference, all statistics as R', () => {
    expect(col('term')).toEqual(['(Intercept)', 'wt', 'hp', 'cyl=6', 'cyl=8']);
    closeAll(col('estimate') as number[], m2R.coef, STAT, 'B');
    closeAll(col('se') as number[], m2R.se, STAT, 'SE');
    closeAll(col('statistic') as number[], m2R.t, STAT, 't');
    closeAll(col('p') as number[], m2R.p, PVAL, 'p');
    close(r.rSquared, m2R.r2, STAT, 'R2');
    close(r.adjRSquared, m2R.adjR2, STAT, 'adjR2');
    close(r.residualSE, m2R.sigma, STAT, 'sigma');
    close(r.fStatistic, m2R.F, STAT, 'F');
    close(r.fP, m2R.Fp, PVAL, 'F p');
    close(r.logLik, m2R.logLik, STAT, 'logLik');
    close(r.aic, m2R.aic, STAT, 'AIC');
    close(r.bic, m2R.bic, STAT, 'BIC');
  });

  it('GVIF per term as car::vif, VIF per column as SPSS', () => {
    expect(r.gvif.map((g) => g.term)).toEqual(['wt', 'hp', 'cyl']);
    closeAll(r.gvif.map((g) => g.gvif), m2R.gvif, STAT, 'GVIF');
    expect(r.gvif.map((g) => g.df)).toEqual(m2R.gvifDf);
    closeAll(r.gvif.map((g) => g.gvifAdjusted), m2R.gvifAdj, STAT, 'GVIF^(1/2df)');
    closeAll(col('vif').slice(1) as number[], m2R.vifSpss, STAT, 'VIF');
  });

  it('collinearity eigenvalues and condition indices', () => {
    closeAll(r.collinearity.dimensions.map((d) => d.eigenvalue), m2R.eigen, 1e-8, 'eigenvalue');
    closeAll(r.collinearity.dimensions.map((d) => d.conditionIndex), m2R.conditionIndex, 1e-8, 'condition index');
  });

  it('a chosen reference level', () => {
    const r3 = linearRegression({ rows: mtcars, y: 'mpg', x: ['wt', 'hp'], factors: ['cyl'], reference: { cyl: 8 } });
    expect(r3.coefficients.map((c) => c.term)).toEqual(['(Intercept)', 'wt', 'hp', 'cyl=4', 'cyl=6']);
    closeAll(r3.coefficients.map((c) => c.estimate), m3R.coef, STAT, 'B');
    closeAll(r3.coefficients.map((c) => c.se), m3R.se, STAT, 'SE');
    closeAll(r3.coefficients.map((c) => c.p), m3R.p, PVAL, 'p');
    closeAll(r3.gvif.map((g) => g.gvif), m3R.gvif, STAT, 'GVIF');
  });
});

describe('linearRegression: weighted (lm weights = qsec)', () => {
  const r = linearRegression({ rows: mtcars, y: 'mpg', x: ['wt', 'hp'], factors: ['cyl'], weights: 'qsec' });
  it('every statistic as R', () => {
    closeAll(r.coefficients.map((c) => c.estimate), m4R.coef, STAT, 'B');
    closeAll(r.coefficients.map((c) => c.se), m4R.se, STAT, 'SE');
    closeAll(r.coefficients.map((c) => c.statistic), m4R.t, STAT, 't');
    closeAll(r.coefficients.map((c) => c.p), m4R.p, PVAL, 'p');
    close(r.rSquared, m4R.r2, STAT, 'R2');
    close(r.adjRSquared, m4R.adjR2, STAT, 'adjR2');
    close(r.residualSE, m4R.sigma, STAT, 'sigma');
    close(r.fStatistic, m4R.F, STAT, 'F');
    close(r.fP, m4R.Fp, PVAL, 'F p');
    close(r.logLik, m4R.logLik, STAT, 'logLik');
    close(r.aic, m4R.aic, STAT, 'AIC');
    close(r.bic, m4R.bic, STAT, 'BIC');
    closeAll(r.gvif.map((g) => g.gvif), m4R.gvif, STAT, 'GVIF');
    closeAll(r.gvif.map((g) => g.gvifAdjusted), m4R.gvifAdj, STAT, 'GVIF adj');
    closeAll(r.sresid, m4R.sresid, STAT, 'SRESID');
    closeAll(r.leverage, m4R.leverage, STAT, 'leverage');
    closeAll(r.collinearity.dimensions.map((d) => d.eigenvalue), m4R.eigen, 1e-8, 'eigenvalue');
  });

  it('zero weights leave the fit and the degrees of freedom, as lm.wfit', () => {
    const rows = mtcars.map((row, i) => ({ ...row, w: (i + 1) % 5 === 0 ? 0 : row.qsec }));
    const z = linearRegression({ rows, y: 'mpg', x: ['wt', 'hp'], weights: 'w' });
    closeAll(z.coefficients.map((c) => c.estimate), m5R.coef, STAT, 'B');
    closeAll(z.coefficients.map((c) => c.se), m5R.se, STAT, 'SE');
    close(z.rSquared, m5R.r2, STAT, 'R2');
    close(z.adjRSquared, m5R.adjR2, STAT, 'adjR2');
    close(z.fStatistic, m5R.F, STAT, 'F');
    close(z.logLik, m5R.logLik, STAT, 'logLik');
    close(z.aic, m5R.aic, STAT, 'AIC');
    close(z.bic, m5R.bic, STAT, 'BIC');
    closeAll(z.fitted, m5R.fitted, STAT, 'fitted');
    expect([z.n, z.nObs, z.fDf2]).toEqual([32, m5R.nobs, m5R.nobs - 3]);
  });
});

describe('linearRegression: no intercept, rank deficiency, missing values', () => {
  it('no intercept: uncentred R² and F as summary.lm', () => {
    const r = linearRegression({ rows: mtcars, y: 'mpg', x: ['wt', 'hp'], intercept: false });
    closeAll(r.coefficients.map((c) => c.estimate), m6R.coef, STAT, 'B');
    closeAll(r.coefficients.map((c) => c.se), m6R.se, STAT, 'SE');
    close(r.rSquared, m6R.r2, STAT, 'R2');
    close(r.adjRSquared, m6R.adjR2, STAT, 'adjR2');
    close(r.fStatistic, m6R.F, STAT, 'F');
    close(r.fP, m6R.Fp, PVAL, 'F p');
    close(r.logLik, m6R.logLik, STAT, 'logLik');
    expect(r.fDf1).toBe(2);
  });

  it('a duplicated column is reported as aliased by name, never silently dropped', () => {
    const rows = mtcars.map((row) => ({ ...row, wt2: 2 * (row.wt as number) }));
    const r = linearRegression({ rows, y: 'mpg', x: ['wt', 'hp', 'wt2'] });
    expect(r.aliased).toEqual(['wt2']);
    expect(r.fit.rank).toBe(3);
    const wt2 = r.coefficients[3];
    expect(wt2.term).toBe('wt2');
    expect([wt2.estimate, wt2.se, wt2.p, wt2.vif]).toEqual([null, null, null, null]);
    closeAll(r.coefficients.slice(0, 3).map((c) => c.estimate), m7R.coef.slice(0, 3), STAT, 'B');
    closeAll(r.coefficients.slice(0, 3).map((c) => c.se), m7R.se, STAT, 'SE');
    close(r.rSquared, m7R.r2, STAT, 'R2');
    close(r.fStatistic, m7R.F, STAT, 'F');
    close(r.aic, m7R.aic, STAT, 'AIC');
    expect(r.fit.coefficients[3]).toBeNaN();
    expect(r.collinearity.columns).toEqual(['(Intercept)', 'wt', 'hp']);
  });

  it('a factor dummy aliased by an earlier column: named, and the GVIF Df counts the remaining dummies', () => {
    const rows = mtcars.map((row) => ({ ...row, is8: row.cyl === 8 ? 1 : 0 }));
    const r = linearRegression({ rows, y: 'mpg', x: ['wt', 'is8'], factors: ['cyl'] });
    expect(r.aliased).toEqual(['cyl=8']);
    expect(r.gvif.find((g) => g.term === 'cyl')?.df).toBe(1);
    expect(r.coefficients.find((c) => c.term === 'cyl=8')?.estimate).toBeNull();
  });

  it('listwise deletion reports n used and n excluded and equals the fit on complete rows', () => {
    const rows = mtcars.map((row, i) => ({ ...row, hp: i === 3 ? null : row.hp, cyl: i === 7 ? '' : row.cyl }));
    const r = linearRegression({ rows, y: 'mpg', x: ['wt', 'hp'], factors: ['cyl'] });
    expect([r.n, r.nExcluded]).toEqual([30, 2]);
    expect(r.design.rowIndex).not.toContain(3);
    expect(r.design.rowIndex).not.toContain(7);
    const complete = mtcars.filter((_, i) => i !== 3 && i !== 7);
    const r2 = linearRegression({ rows: complete, y: 'mpg', x: ['wt', 'hp'], factors: ['cyl'] });
    expect(r.coefficients.map((c) => c.estimate)).toEqual(r2.coefficients.map((c) => c.estimate));
  });

  it('text in a numeric predictor is an error naming the variable', () => {
    const rows = mtcars.map((row, i) => ({ ...row, hp: i === 2 ? 'many' : row.hp }));
    expect(() => linearRegression({ rows, y: 'mpg', x: ['wt', 'hp'] })).toThrow(/"hp".*row 3/);
  });
});

describe('olsFit directly', () => {
  it('double and double-double paths agree with R on longley', () => {
    const X = longley.map((row) => [1, ...longleyX.map((k) => row[k] as number)]);
    const y = longley.map((row) => row.Employed as number);
    for (const precision of ['double', 'double-double'] as const) {
      const f = olsFit({ y, X, names: ['(Intercept)', ...longleyX], hasIntercept: true, precision });
      expect(f.precision).toBe(precision);
      closeAll(f.coefficients, longleyR.coef, 1e-8, `${precision} B`);
      closeAll(f.standardErrors, longleyR.se, 1e-8, `${precision} SE`);
    }
  });

  it('does not mutate its inputs', () => {
    const X = mtcars.map((row) => [1, row.wt as number, row.hp as number]);
    const y = mtcars.map((row) => row.mpg as number);
    const w = mtcars.map((row) => row.qsec as number);
    const copies = JSON.stringify([X, y, w]);
    olsFit({ y, X, names: ['(Intercept)', 'wt', 'hp'], weights: w, hasIntercept: true });
    expect(JSON.stringify([X, y, w])).toBe(copies);
  });
});
