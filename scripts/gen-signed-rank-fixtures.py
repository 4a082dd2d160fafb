#!/usr/bin/env python3
"""Reference cases for src/stats/signed-rank.ts: SciPy's wilcoxon (p-values, V) and, for the Walsh-average interval,
R's exact-branch algorithm (qsignrank by full enumeration of the 2^n sign patterns, independent of the TypeScript DP).
Run: python3 scripts/gen-signed-rank-fixtures.py > test/fixtures/signed-rank/cases.json  (SciPy 1.17.1)"""
import itertools, json
import numpy as np
import scipy
from scipy import stats

def psignrank_table(n):
    counts = {}
    for signs in itertools.product((0, 1), repeat=n):
        v = sum((i + 1) for i, s in enumerate(signs) if s)
        counts[v] = counts.get(v, 0) + 1
    total = 2 ** n
    return lambda q: sum(c for v, c in counts.items() if v <= q) / total

def walsh_interval(d, conf):
    n = len(d)
    ps = psignrank_table(n)
    alpha = 1 - conf
    q = 0
    while ps(q) < alpha / 2:
        q += 1
    k = max(1, q)
    w = sorted((d[i] + d[j]) / 2 for i in range(n) for j in range(i, n))
    m = len(w)
    achieved = 1 - 2 * ps(k - 1)
    return {"lower": w[k - 1], "upper": w[m - k], "achievedConfLevel": achieved, "estimate": float(np.median(w))}

rng = np.random.default_rng(20261206)
cases = []
def add(name, d, exact_ok, ci=True):
    d = [float(x) for x in d]
    case = {"name": name, "differences": d, "p": {}}
    for alt in ("two-sided", "less", "greater"):
        a = stats.wilcoxon(d, alternative=alt, method="asymptotic", correction=True, zero_method="wilcox")
        entry = {"asymptotic": float(a.pvalue), "statistic": float(a.statistic) if alt != "two-sided" else None}
        if exact_ok:
            e = stats.wilcoxon(d, alternative=alt, method="exact", zero_method="wilcox")
            entry["exact"] = float(e.pvalue)
        case["p"][alt] = entry
    if ci and len(d) <= 16 and len(set(d)) > 1:
        case["walsh95"] = walsh_interval(d, 0.95)
        case["walsh90"] = walsh_interval(d, 0.90)
    cases.append(case)

add("hollander-wolfe-depression", np.array([1.83,0.50,1.62,2.48,1.68,1.88,1.55,3.06,1.30]) - np.array([0.878,0.647,0.598,2.05,1.06,1.29,1.06,3.14,1.29]), True)
for n in (1, 2, 3, 5, 6, 8, 10, 12, 15, 16):
    add(f"normal-shift-n{n}", np.round(rng.normal(0.4, 1, n), 6), True)
add("all-positive-n6", [0.5, 1.1, 2.3, 0.7, 3.1, 1.9], True)
add("all-negative-n7", [-0.5, -1.1, -2.3, -0.7, -3.1, -1.9, -0.2], True)
add("ties-integer-ms-n12", rng.integers(-3, 5, 12), False)
add("ties-and-zeros-n14", [0, 1, -1, 2, 2, -2, 0, 3, 1, 1, -1, 4, 0, 2], False)
add("large-n60", np.round(rng.normal(0.1, 1, 60), 6), False, ci=False)
add("large-ties-n120", rng.integers(-5, 7, 120), False, ci=False)
print(json.dumps({"generator": "scripts/gen-signed-rank-fixtures.py", "scipy": scipy.__version__, "cases": cases}, indent=1))
