# Reference values for analysis/survey tests. Run: Rscript <file> (R 4.2.2, base R only).
x <- c(rep("umkm",3), rep("buruh_harian",4), rep("pekerja_lepas",2), "pedagang_kecil", "lainnya", NA, NA)
lev <- c("umkm","buruh_harian","pekerja_lepas","pedagang_kecil","pekerja_rumahan","lainnya")
tab <- table(factor(x, levels=lev))
print(tab)
cat("percent  100*tab/length(x):", format(100*as.numeric(tab)/length(x), digits=17), "\n")
cat("valid    100*prop.table(tab):", format(100*as.numeric(prop.table(tab)), digits=17), "\n")
for (k in as.numeric(tab)) { ci <- suppressWarnings(prop.test(k, 11, correct=FALSE)$conf.int); cat(k, "100*prop.test(k, 11, correct = FALSE)$conf.int:", format(100*ci, digits=17), "\n") }
