# Reference values for analysis/survey tests. Run: Rscript <file> (R 4.2.2, base R only).
options(digits=17)
f <- function(x, n, l=0.95) cat(sprintf("prop.test(%d, %d, conf.level = %s, correct = FALSE)$conf.int -> %s, %s\n", x, n, l, format(prop.test(x, n, conf.level=l, correct=FALSE)$conf.int[1], digits=17), format(prop.test(x, n, conf.level=l, correct=FALSE)$conf.int[2], digits=17)))
f(69, 300); f(0, 10); f(10, 10); f(3, 7, 0.9); f(1, 1); f(141, 231, 0.99)
