# Reference values for analysis/survey tests. Run: Rscript <file> (R 4.2.2, base R only).
fmt <- function(x) paste(format(x, digits=17), collapse=", ")
d <- data.frame(
 q1 = c(4,3,5,2,4,3,5,1,4,2, 3),
 q2 = c(4,2,5,3,4,3,4,2,5,2, NA),
 q3 = c(2,4,1,4,2,3,1,5,2,4, 3),
 q4 = c(3,3,4,2,5,3,4,2,4,1, 4))
x <- na.omit(d)                 # listwise deletion
x$q3 <- (1 + 5) - x$q3          # reverse-keyed, scale 1-5
k <- ncol(x); n <- nrow(x)
alpha <- function(m) { k <- ncol(m); k/(k-1) * (1 - sum(apply(m, 2, var)) / var(rowSums(m))) }
R <- cor(x); rbar <- mean(R[upper.tri(R)])
cat("n", n, "\n")
cat("alpha", fmt(alpha(x)), "\n")
cat("std.alpha", fmt(k*rbar/(1+(k-1)*rbar)), "\n")
cat("rbar", fmt(rbar), "\n")
cat("means", fmt(colMeans(x)), "\n")
cat("sds", fmt(apply(x, 2, sd)), "\n")
cat("r.drop", fmt(sapply(1:k, function(i) cor(x[,i], rowSums(x[,-i])))), "\n")
cat("alpha.drop", fmt(sapply(1:k, function(i) alpha(x[,-i]))), "\n")
cat("scale mean sd", fmt(c(mean(rowSums(x)), sd(rowSums(x)))), "\n")
cat("R:\n"); for (i in 1:k) cat("  [", fmt(R[i,]), "],\n")
# psych default min/max when not given: observed over all items of complete cases
x2 <- na.omit(d); lo <- min(x2); hi <- max(x2); x2$q3 <- lo + hi - x2$q3
cat("observed bounds", lo, hi, " alpha", fmt(alpha(x2)), "\n")
# Reverse bounds from the observed minimum and maximum (psych::alpha rule)
x <- data.frame(a=c(2,3,4,5,3,4), b=c(5,4,4,2,4,2), c=c(3,3,5,4,2,5)); lo <- min(x); hi <- max(x); x$b <- lo + hi - x$b
cat(lo, hi, fmt(alpha(x)), fmt(colMeans(x)), "\n")
