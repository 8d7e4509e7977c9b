# Reference values for analysis/survey tests. Run: Rscript <file> (R 4.2.2, base R only).
fmt <- function(x) paste(format(x, digits=17), collapse=", ")
alpha <- function(m) { m <- na.omit(m); k <- ncol(m); k/(k-1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m))) }
d <- data.frame(
 job = c("u","u","u","u","b","b","b","b","l","l","l","u"),
 a1 = c(4,3,4,3,2,3,2,1,3,2,3,4),
 a2 = c(4,4,3,3,2,2,3,2,3,3,2,5),
 p1 = c(3,3,4,2,2,3,2,1,3,3,2,4),
 p2 = c(4,3,4,3,2,2,1,2,3,2,NA,4),
 p3 = c(2,3,1,3,4,4,4,5,3,3,4,2),
 m1 = c(3,4,4,3,2,3,2,2,3,2,3,9),
 m2 = c(4,3,4,2,2,2,3,1,2,3,3,4))
items <- c("a1","a2","p1","p2","p3","m1","m2")
for (v in items) d[[v]][!is.na(d[[v]]) & (d[[v]] < 1 | d[[v]] > 5)] <- NA   # out of range -> missing
d$p3 <- 6 - d$p3                                                              # reverse-keyed (1 + 5 - x)
dims <- list(akses = c("a1","a2"), pemahaman = c("p1","p2","p3"), manfaat = c("m1","m2"))
w <- c(akses = 2, pemahaman = 1, manfaat = 1)
report <- function(label, dd, rule) {
  S <- sapply(dims, function(it) rowMeans(dd[, it, drop = FALSE], na.rm = (rule == "partial")))
  S[is.nan(S)] <- NA
  if (rule == "complete") overall <- as.vector(S %*% w) / sum(w)
  else overall <- apply(S, 1, function(s) { ok <- !is.na(s); if (!any(ok)) NA else sum(w[ok]*s[ok])/sum(w[ok]) })
  one <- function(name, s, a) {
    s <- s[!is.na(s)]
    ci <- if (length(s) > 1) t.test(s)$conf.int else c(NA, NA)
    cat(sprintf("  %s n=%d mean=%s sd=%s ci=[%s] alpha=%s\n", name, length(s), fmt(mean(s)), fmt(sd(s)), fmt(ci), fmt(a)))
  }
  cat("==", label, rule, "\n")
  one("overall", overall, alpha(dd[, items]))
  for (nm in names(dims)) one(nm, S[, nm], alpha(dd[, dims[[nm]], drop = FALSE]))
}
report("all", d, "complete")
for (g in c("u","b","l")) report(g, d[d$job == g, ], "complete")
report("all", d, "partial")
S <- sapply(dims, function(it) rowMeans(d[, it, drop = FALSE], na.rm = TRUE))
cat("partial row 11:", fmt(S[11,]), " overall", fmt(sum(w*S[11,])/sum(w)), "\n")
cat("partial row 12:", fmt(S[12,]), " overall", fmt(sum(w*S[12,])/sum(w)), "\n")
