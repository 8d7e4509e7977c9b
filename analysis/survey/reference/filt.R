# Reference values for analysis/survey tests. Run: Rscript <file> (R 4.2.2, base R only).
df <- data.frame(
  kota = c("Surabaya","Yogyakarta","Surabaya","Medan","Jakarta","Surabaya","Bandung", NA, "Medan", "Jakarta"),
  umur = c(25, 41, 37, NA, 52, 30, 19, 45, 30, 60),
  aktif = c("ya","tidak","tidak","ya","tidak","tidak","ya","tidak", NA, "ya"),
  program = c("JKK JKM","JKK","","JKK JHT",NA,"JKM JKP","XYZ","JKM","JKK JKM JKK","JKM"),
  stringsAsFactors = FALSE)
q <- function(e) { ex <- substitute(e); cat(deparse(ex), "->", which(eval(ex, df)), "\n") }
# R's subset() keeps rows where the condition is TRUE (NA dropped): which() gives the 1-based rows
q(umur >= 30 & kota != "Surabaya")
q(umur < 30)
q(kota %in% c("Medan","Jakarta") & aktif == "ya")
q(is.na(umur))
q(!is.na(aktif) & umur <= 30)
q(grepl("(^| )JKM( |$)", program))
# multiple response over JKK JKM JHT JKP
s <- lapply(strsplit(ifelse(is.na(df$program), "", df$program), " +"), unique)
ch <- c("JKK","JKM","JHT","JKP")
n <- sapply(ch, function(k) sum(sapply(s, function(v) k %in% v)))
cases <- sum(sapply(s, function(v) any(v %in% ch)))
print(n); cat("cases", cases, "\n")
cat("pct responses:", format(100*n/sum(n), digits=17), "\n")
cat("pct cases:", format(100*n/cases, digits=17), "\n")
