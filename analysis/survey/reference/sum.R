# Reference values for analysis/survey tests. Run: Rscript <file> (R 4.2.2, base R only).
fmt <- function(x) paste(format(x, digits=17), collapse=", ")
alpha <- function(m) { m <- na.omit(m); k <- ncol(m); k/(k-1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m))) }
i <- 0:299
d <- data.frame(
  a1 = c(2,3,3,4,2)[i %% 5 + 1],
  a2 = c(3,2,4,3,2,3,2)[i %% 7 + 1],
  p1 = c(3,3,2,4,2,3)[i %% 6 + 1],
  m1 = c(2,4,3,3,2)[(i * 3) %% 5 + 1],
  m2 = c(3,2,3,4,2,3,3,2)[i %% 8 + 1])
S <- cbind(akses = rowMeans(d[, c("a1","a2")]), pemahaman = d$p1, manfaat = rowMeans(d[, c("m1","m2")]))
overall <- rowMeans(S)
cat("participation: 100*prop.test(69, 300, correct = FALSE)$conf.int", fmt(100*prop.test(69, 300, correct = FALSE)$conf.int), "\n")
cat("reasons 100*c(141,58,32)/231:", fmt(100*c(141,58,32)/231), "\n")
cat("overall mean sd:", fmt(c(mean(overall), sd(overall))), " alpha(d):", fmt(alpha(d)), "\n")
for (nm in colnames(S)) cat(nm, fmt(c(mean(S[,nm]), sd(S[,nm]))), "\n")
cat("alpha akses", fmt(alpha(d[, c("a1","a2")])), " manfaat", fmt(alpha(d[, c("m1","m2")])), "\n")
cat("t.test(overall)$conf.int", fmt(t.test(overall)$conf.int), "\n")
cat("100 * 70 / 301:", fmt(100 * 70 / 301), "\n")
