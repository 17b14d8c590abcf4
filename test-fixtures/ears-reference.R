# Reference values for the EARS C1, C2 and C3 detectors (server/modules/pharmacies/rules/ears.test.ts).
# Run with Debian's r-cran-surveillance (1.20.3): Rscript test-fixtures/ears-reference.R > test-fixtures/ears-reference.json
# Each series is run through surveillance::earsC with method C1, C2 and C3; the upper bounds and alarms of the
# package are written with 10 decimals, with z = qnorm(1 - alpha) so the TypeScript side needs no qnorm of its own.
suppressMessages(library(surveillance))

series <- list(
  # ../shared/research/anchors-surveillance-trace-scale.md §1.6 A
  hand = c(5, 7, 6, 4, 8, 6, 5, 7, 6, 5, 6, 7, 5, 6, 9, 14, 20, 8, 6, 5),
  # 40 quiet days (Poisson, mean 4, fixed seed) then an injected outbreak of 6 days, then 8 quiet days
  outbreak = local({
    set.seed(17)
    y <- rpois(54, 4)
    y[41:46] <- y[41:46] + c(3, 6, 10, 14, 9, 5)
    y
  }),
  # a street with mostly zero days: the minimum sigma matters
  sparse = c(0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 2, 0, 3, 1, 0, 0, 0)
)

run <- function(y, method, alpha, minSigma) {
  s <- sts(observed = matrix(y, ncol = 1), start = c(2020, 1), frequency = 365)
  control <- list(method = method, baseline = 7, minSigma = minSigma)
  if (!is.null(alpha)) control$alpha <- alpha
  out <- earsC(s, control = control)
  a <- if (is.null(alpha)) (if (method == "C3") 0.025 else 0.001) else alpha
  list(
    method = method, alpha = a, z = sprintf("%.10f", qnorm(1 - a)), minSigma = minSigma,
    range = out@control$range,
    upperbound = sprintf("%.10f", as.vector(upperbound(out))),
    alarm = as.vector(alarms(out))
  )
}

cases <- list()
for (name in names(series)) {
  y <- series[[name]]
  minSigma <- if (name == "sparse") 0.5 else 0
  for (method in c("C1", "C2", "C3")) cases[[length(cases) + 1]] <- c(list(series = name, y = y), run(y, method, NULL, minSigma))
}
# §1.6 A: C1 with alpha = 0.05 and minSigma = 0.5
cases[[length(cases) + 1]] <- c(list(series = "hand", y = series$hand), run(series$hand, "C1", 0.05, 0.5))

json <- function(x) {
  if (is.list(x)) {
    if (!is.null(names(x))) return(paste0("{", paste0('"', names(x), '":', sapply(x, json), collapse = ","), "}"))
    return(paste0("[", paste0(sapply(x, json), collapse = ","), "]"))
  }
  if (is.character(x) && length(x) == 1 && !grepl("^-?[0-9.]+$", x)) return(paste0('"', x, '"'))
  if (is.logical(x)) return(paste0("[", paste0(tolower(as.character(x)), collapse = ","), "]"))
  if (is.character(x)) return(paste0("[", paste0(x, collapse = ","), "]"))
  if (length(x) == 1) return(as.character(x))
  paste0("[", paste0(x, collapse = ","), "]")
}
cat(paste0('{"package":"surveillance ', packageVersion("surveillance"), '","cases":', json(cases), "}\n"))
