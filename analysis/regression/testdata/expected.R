# Expected values for analysis/regression/{linear,logistic,ols}.test.ts.
# Run: Rscript analysis/regression/testdata/expected.R > /tmp/expected.txt
# Prints TypeScript object-literal lines, each with the exact R expression beside it.
suppressMessages(library(car))
ver <- paste0("R ", R.version$major, ".", R.version$minor)
num <- function(v) {
  v <- unname(as.numeric(v))
  s <- ifelse(is.na(v), "NaN", ifelse(is.infinite(v), ifelse(v > 0, "Infinity", "-Infinity"), sprintf("%.17g", v)))
  if (length(v) == 1) s else paste0("[", paste(s, collapse = ", "), "]")
}
emit <- function(name, expr) {
  val <- eval(parse(text = expr), envir = globalenv())
  cat(sprintf("  %s: %s, // %s: %s\n", name, num(val), ver, expr))
}
hoslem <- function(x, yhat, g = 10) {  # ResourceSelection::hoslem.test, reproduced in base R
  qq <- unique(quantile(yhat, probs = seq(0, 1, 1/g)))
  cutyhat <- cut(yhat, breaks = qq, include.lowest = TRUE)
  observed <- xtabs(cbind(y0 = 1 - x, y1 = x) ~ cutyhat)
  expected <- xtabs(cbind(yhat0 = 1 - yhat, yhat1 = yhat) ~ cutyhat)
  chisq <- sum((observed - expected)^2/expected)
  c(statistic = chisq, df = g - 2, p = 1 - pchisq(chisq, g - 2))
}
collin <- function(m) {  # SPSS collinearity diagnostics (Belsley), base R
  X <- model.matrix(m); if (!is.null(weights(m))) X <- X * sqrt(weights(m))
  Xs <- sweep(X, 2, sqrt(colSums(X^2)), "/")
  e <- eigen(crossprod(Xs), symmetric = TRUE)
  phi <- sweep(e$vectors^2, 2, e$values, "/")
  list(values = e$values, ci = sqrt(e$values[1] / e$values), prop = phi / rowSums(phi))
}
spssvif <- function(m) {  # SPSS: VIF_j = 1/(1 - R2 of column j on the other columns)
  X <- model.matrix(m)[, -1, drop = FALSE]
  sapply(seq_len(ncol(X)), function(j) 1 / (1 - summary(lm(X[, j] ~ X[, -j]))$r.squared))
}

cat("// ---- longley: m1 <- lm(Employed ~ ., longley)\n")
m1 <- lm(Employed ~ ., longley); s1 <- summary(m1)
for (x in c("coef = coef(m1)", "se = coef(summary(m1))[, 2]", "t = coef(summary(m1))[, 3]", "p = coef(summary(m1))[, 4]",
            "r2 = summary(m1)$r.squared", "adjR2 = summary(m1)$adj.r.squared", "sigma = summary(m1)$sigma",
            "F = summary(m1)$fstatistic[1]", "Fp = pf(summary(m1)$fstatistic[1], 6, 9, lower.tail = FALSE)",
            "logLik = logLik(m1)", "aic = AIC(m1)", "bic = BIC(m1)", "vif = car::vif(m1)",
            "ciLow = confint(m1)[, 1]", "ciHigh = confint(m1)[, 2]",
            "beta = coef(lm(scale(Employed) ~ scale(as.matrix(longley[, 1:6])), longley))[-1]",
            "sresid = rstandard(m1)", "leverage = hatvalues(m1)",
            "zpred = as.vector(scale(fitted(m1)))",
            "eigen = collin(m1)$values", "conditionIndex = collin(m1)$ci", "varProp = t(collin(m1)$prop)")) {
  parts <- strsplit(x, " = ", fixed = TRUE)[[1]]; emit(parts[1], paste(parts[-1], collapse = " = "))
}

cat("// ---- mtcars factor: m2 <- lm(mpg ~ wt + hp + factor(cyl), mtcars)\n")
m2 <- lm(mpg ~ wt + hp + factor(cyl), mtcars)
for (x in c("coef = coef(m2)", "se = coef(summary(m2))[, 2]", "t = coef(summary(m2))[, 3]", "p = coef(summary(m2))[, 4]",
            "r2 = summary(m2)$r.squared", "adjR2 = summary(m2)$adj.r.squared", "sigma = summary(m2)$sigma",
            "F = summary(m2)$fstatistic[1]", "Fp = pf(summary(m2)$fstatistic[1], 4, 27, lower.tail = FALSE)",
            "logLik = logLik(m2)", "aic = AIC(m2)", "bic = BIC(m2)",
            "gvif = car::vif(m2)[, 1]", "gvifDf = car::vif(m2)[, 2]", "gvifAdj = car::vif(m2)[, 3]",
            "vifSpss = spssvif(m2)",
            "eigen = collin(m2)$values", "conditionIndex = collin(m2)$ci")) {
  parts <- strsplit(x, " = ", fixed = TRUE)[[1]]; emit(parts[1], paste(parts[-1], collapse = " = "))
}

cat("// ---- mtcars factor, reference level 8: m3 <- lm(mpg ~ wt + hp + relevel(factor(cyl), '8'), mtcars)\n")
m3 <- lm(mpg ~ wt + hp + relevel(factor(cyl), "8"), mtcars)
for (x in c("coef = coef(m3)", "se = coef(summary(m3))[, 2]", "p = coef(summary(m3))[, 4]", "gvif = car::vif(m3)[, 1]")) {
  parts <- strsplit(x, " = ", fixed = TRUE)[[1]]; emit(parts[1], paste(parts[-1], collapse = " = "))
}

cat("// ---- weighted: m4 <- lm(mpg ~ wt + hp + factor(cyl), mtcars, weights = qsec)\n")
m4 <- lm(mpg ~ wt + hp + factor(cyl), mtcars, weights = qsec)
for (x in c("coef = coef(m4)", "se = coef(summary(m4))[, 2]", "t = coef(summary(m4))[, 3]", "p = coef(summary(m4))[, 4]",
            "r2 = summary(m4)$r.squared", "adjR2 = summary(m4)$adj.r.squared", "sigma = summary(m4)$sigma",
            "F = summary(m4)$fstatistic[1]", "Fp = pf(summary(m4)$fstatistic[1], 4, 27, lower.tail = FALSE)",
            "logLik = logLik(m4)", "aic = AIC(m4)", "bic = BIC(m4)",
            "gvif = car::vif(m4)[, 1]", "gvifAdj = car::vif(m4)[, 3]",
            "sresid = rstandard(m4)", "leverage = hatvalues(m4)", "eigen = collin(m4)$values")) {
  parts <- strsplit(x, " = ", fixed = TRUE)[[1]]; emit(parts[1], paste(parts[-1], collapse = " = "))
}

cat("// ---- zero weights: m5 <- lm(mpg ~ wt + hp, mtcars, weights = ifelse(seq_len(32) %% 5 == 0, 0, qsec))\n")
m5 <- lm(mpg ~ wt + hp, mtcars, weights = ifelse(seq_len(32) %% 5 == 0, 0, qsec))
for (x in c("coef = coef(m5)", "se = coef(summary(m5))[, 2]", "r2 = summary(m5)$r.squared", "adjR2 = summary(m5)$adj.r.squared",
            "F = summary(m5)$fstatistic[1]", "logLik = logLik(m5)", "aic = AIC(m5)", "bic = BIC(m5)", "fitted = fitted(m5)",
            "nobs = nobs(m5)")) {
  parts <- strsplit(x, " = ", fixed = TRUE)[[1]]; emit(parts[1], paste(parts[-1], collapse = " = "))
}

cat("// ---- no intercept: m6 <- lm(mpg ~ 0 + wt + hp, mtcars)\n")
m6 <- lm(mpg ~ 0 + wt + hp, mtcars)
for (x in c("coef = coef(m6)", "se = coef(summary(m6))[, 2]", "r2 = summary(m6)$r.squared", "adjR2 = summary(m6)$adj.r.squared",
            "F = summary(m6)$fstatistic[1]", "Fp = pf(summary(m6)$fstatistic[1], 2, 30, lower.tail = FALSE)", "logLik = logLik(m6)")) {
  parts <- strsplit(x, " = ", fixed = TRUE)[[1]]; emit(parts[1], paste(parts[-1], collapse = " = "))
}

cat("// ---- rank deficient: m7 <- lm(mpg ~ wt + hp + wt2, transform(mtcars, wt2 = 2 * wt))\n")
m7 <- lm(mpg ~ wt + hp + wt2, transform(mtcars, wt2 = 2 * wt))
for (x in c("coef = coef(m7)", "se = coef(summary(m7))[, 2]", "r2 = summary(m7)$r.squared", "F = summary(m7)$fstatistic[1]", "aic = AIC(m7)")) {
  parts <- strsplit(x, " = ", fixed = TRUE)[[1]]; emit(parts[1], paste(parts[-1], collapse = " = "))
}

cat("// ---- logistic: g1 <- glm(am ~ hp + wt, binomial, mtcars)\n")
g1 <- glm(am ~ hp + wt, binomial, mtcars)
for (x in c("coef = coef(g1)", "se = coef(summary(g1))[, 2]", "z = coef(summary(g1))[, 3]", "p = coef(summary(g1))[, 4]",
            "deviance = deviance(g1)", "nullDeviance = g1$null.deviance", "aic = AIC(g1)", "bic = BIC(g1)", "logLik = logLik(g1)",
            "iter = g1$iter", "orLow = exp(coef(g1) - qnorm(0.975) * coef(summary(g1))[, 2])",
            "orHigh = exp(coef(g1) + qnorm(0.975) * coef(summary(g1))[, 2])",
            "lrP = pchisq(g1$null.deviance - deviance(g1), 2, lower.tail = FALSE)",
            "coxSnell = 1 - exp((deviance(g1) - g1$null.deviance) / 32)",
            "nagelkerke = (1 - exp((deviance(g1) - g1$null.deviance) / 32)) / (1 - exp(-g1$null.deviance / 32))",
            "mcfadden = 1 - deviance(g1) / g1$null.deviance",
            "hl = hoslem(mtcars$am, fitted(g1))", "fitted = fitted(g1)",
            "classTable = as.vector(table(factor(fitted(g1) > 0.5, c(FALSE, TRUE)), mtcars$am))")) {
  parts <- strsplit(x, " = ", fixed = TRUE)[[1]]; emit(parts[1], paste(parts[-1], collapse = " = "))
}

cat("// ---- logistic with a factor: g2 <- glm(case ~ age + parity + education + spontaneous + induced, binomial, infert)\n")
g2 <- glm(case ~ age + parity + education + spontaneous + induced, binomial, infert)
for (x in c("names = seq_along(coef(g2))", "coef = coef(g2)", "se = coef(summary(g2))[, 2]", "z = coef(summary(g2))[, 3]", "p = coef(summary(g2))[, 4]",
            "deviance = deviance(g2)", "nullDeviance = g2$null.deviance", "aic = AIC(g2)", "bic = BIC(g2)", "iter = g2$iter",
            "hl = hoslem(infert$case, fitted(g2))")) {
  parts <- strsplit(x, " = ", fixed = TRUE)[[1]]; emit(parts[1], paste(parts[-1], collapse = " = "))
}
cat("// names(coef(g2)):", names(coef(g2)), "\n")
