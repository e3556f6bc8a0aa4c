#!/usr/bin/env python3
"""The Java equilibrium solvers against vectorized numpy solvers on identical markets.

Reads DIR/markets.bin, DIR/ces.bin, DIR/linear.bin and DIR/timings.txt written by
org.tariffcast.simulation.bench.SolverComparison (formats in its javadoc), solves every market
with numpy (the CES model by a vectorized Newton method, the linear GSIM model by a batched
linear solve: the equations of CesSolver and LinearSolver, see simulation/README.md), prints the
largest differences between the two sets of solutions, both timings and their ratio.

    java -Xmx1g -cp "simulation/target/classes:simulation/target/lib/*" \\
        org.tariffcast.simulation.bench.SolverComparison --markets 20000 --out /tmp/solvers
    python3 simulation/bench/solver_compare.py /tmp/solvers [--passes 7]

numpy's BLAS is held to one thread (the Java side runs on one thread). The timed part of each
numpy solve is what the Java side times: from the tariff change and elasticities to the
solution, welfare and revenue (the shares theta and phi are set up once per market on both
sides, untimed). A benchmark, not a test.
"""
import os

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import sys  # noqa: E402
import time  # noqa: E402

import numpy as np  # noqa: E402

TOLERANCE = 1e-9  # CesSolver.TOLERANCE: largest clearing residual (log of supply over demand)
MAX_ITERATIONS = 60  # CesSolver.MAX_ITERATIONS


def read_header(raw, magic, path):
    if raw[:4] != magic:
        sys.exit(f"{path} does not start with {magic.decode()}")
    version, count, n = np.frombuffer(raw, "<i4", 3, 4)
    if version != 1:
        sys.exit(f"{path} has version {version}, this script reads 1")
    return int(count), int(n)


def read_markets(path):
    raw = open(path, "rb").read()
    count, n = read_header(raw, b"TCSM", path)
    expected = 16 + 8 * count * (3 * n * n + 3 * n)
    if len(raw) != expected:
        sys.exit(f"{path} holds {len(raw)} bytes, expected {expected}")
    data = np.frombuffer(raw, "<f8", offset=16)
    nn, nv = count * n * n, count * n
    parts, at = [], 0
    for size, shape in [(nn, (count, n, n))] * 3 + [(nv, (count, n))] * 3:
        parts.append(data[at:at + size].reshape(shape))
        at += size
    return dict(zip(["flows", "power0", "power1", "em", "es", "ex"], parts))


def read_solutions(path, count, n):
    raw = open(path, "rb").read()
    c, m = read_header(raw, b"TCSS", path)
    if (c, m) != (count, n):
        sys.exit(f"{path} holds {c} solutions of {m} regions, the markets are {count} of {n}")
    data = np.frombuffer(raw, "<f8", count * (5 * n + n * n), 16)
    out, at = {}, 0
    for name, shape in [("x", (count, n)), ("composite", (count, n)), ("flow_ratio", (count, n, n)),
                        ("cs", (count, n)), ("ps", (count, n)), ("revenue", (count, n))]:
        size = int(np.prod(shape))
        out[name] = data[at:at + size].reshape(shape)
        at += size
    out["iterations"] = np.frombuffer(raw, "<i4", count, 16 + 8 * at)
    return out


def setup(mk):
    """Per market, once (the Java SectorMarket): shares, expenditure, exports, unknown prices."""
    m0, t0 = mk["flows"], mk["power0"]
    value = m0 * t0
    expenditure = value.sum(axis=1)                       # R_v, internal prices
    with np.errstate(invalid="ignore", divide="ignore"):
        theta = np.where(expenditure[:, None, :] > 0, value / expenditure[:, None, :], 0.0)   # [k, s, v]
        exports = m0.sum(axis=2)                          # X_r, world prices
        phi = np.where(exports[:, :, None] > 0, m0 / exports[:, :, None], 0.0)                 # [k, r, v]
    unknown = (exports > 0) & np.isfinite(mk["ex"])
    return dict(theta=theta, phi=phi, theta_sum=theta.sum(axis=1), phi_sum=phi.sum(axis=2),
                expenditure=expenditure, exports=exports, unknown=unknown)


def ces_state(y, ln_ratio, theta, theta_sum, phi, phi_sum, em, es, ex, unknown):
    """CES quantities at y (log world price hats): residuals and what the Jacobian needs."""
    one_minus = 1 - es                                    # [k, v]
    l = y[:, :, None] + ln_ratio                          # ln(p_s That_sv), [k, s, v]
    a = np.exp(-es[:, None, :] * l)                       # (p That)^-Es
    b = np.exp(one_minus[:, None, :] * l)                 # (p That)^(1-Es)
    sum_b = np.einsum("ksv,ksv->kv", theta, b)
    imports = theta_sum > 0
    with np.errstate(invalid="ignore", divide="ignore"):
        ln_p = np.where(imports, np.log(np.where(imports, sum_b / theta_sum, 1.0)) / one_minus, 0.0)
    big_q = np.exp((es + em) * ln_p)                      # P^(Es + Em)
    q = a * big_q[:, None, :]                             # quantity hats [k, r, v]
    d = np.einsum("krv,krv->kr", phi, q)
    with np.errstate(invalid="ignore", divide="ignore"):
        res = np.where(unknown, np.log(np.where(unknown, d / phi_sum, 1.0)) - np.where(unknown, ex, 0.0) * y, y)
    return res, a, b, sum_b, ln_p, big_q, q, d


def ces_jacobian(st, theta, phi, em, es, ex, unknown):
    res, a, b, sum_b, ln_p, big_q, q, d = st
    n = res.shape[1]
    with np.errstate(invalid="ignore", divide="ignore"):
        share = np.where(sum_b[:, None, :] > 0, theta * b / sum_b[:, None, :], 0.0)       # [k, s, v]
        w = np.where(d[:, :, None] > 0, phi * q / d[:, :, None], 0.0)                      # [k, r, v]
    g = (es + em)[:, None, :] * share
    jac = np.einsum("krv,kjv->krj", w, g)
    own = np.einsum("krv,kv->kr", w, es) + np.where(unknown, ex, 0.0)
    jac -= own[:, :, None] * np.eye(n)
    return np.where(unknown[:, :, None], jac, np.eye(n))   # a known price: residual y_r, row of the identity


def solve_ces(mk, su):
    """Newton with backtracking from y = 0, vectorized over the markets not yet converged."""
    ratio = mk["power1"] / mk["power0"]
    ln_ratio = np.log(ratio)
    count, n = mk["em"].shape
    y = np.zeros((count, n))
    iterations = np.zeros(count, dtype=np.int32)
    fields = ("theta", "theta_sum", "phi", "phi_sum")
    args_all = [su[f] for f in fields]
    el = [mk["em"], mk["es"], mk["ex"], su["unknown"]]
    active = np.arange(count)
    st = ces_state(y, ln_ratio, *args_all, *el)
    norm = np.abs(st[0]).max(axis=1)
    # the final quantities of each market, kept when it converges
    final_ln_p = np.zeros((count, n))
    final_flow = np.zeros((count, n, n))
    done = norm <= TOLERANCE
    final_ln_p[done] = st[4][done]
    final_flow[done] = (st[6] * np.exp(y)[:, :, None])[done]
    active = np.nonzero(~done)[0]
    cur = tuple(s[active] for s in st)
    cur_norm = norm[active]
    it = 0
    while active.size:
        it += 1
        if it > MAX_ITERATIONS:
            raise RuntimeError(f"{active.size} markets did not converge after {MAX_ITERATIONS} iterations")
        sub = [s[active] for s in args_all]
        el_sub = [e[active] for e in el]
        lr = ln_ratio[active]
        ya = y[active]
        jac = ces_jacobian(cur, *[sub[0], sub[2]], *el_sub)
        step = np.linalg.solve(jac, -cur[0][:, :, None])[:, :, 0]
        t = np.ones(active.size)
        trial_y = ya + step
        trial = ces_state(trial_y, lr, *sub, *el_sub)
        trial_norm = np.abs(trial[0]).max(axis=1)
        trial = list(trial)
        bad = ~(trial_norm <= (1 - 1e-4 * t) * cur_norm)
        while bad.any():                                 # halve the step where it does not decrease enough
            t = np.where(bad, t * 0.5, t)
            idx = np.nonzero(bad)[0]
            yb = ya[idx] + t[idx, None] * step[idx]
            tb = ces_state(yb, lr[idx], *[s[idx] for s in sub], *[e[idx] for e in el_sub])
            trial_y[idx] = yb
            for ts, tbs in zip(trial, tb):
                ts[idx] = tbs
            trial_norm[idx] = np.abs(tb[0]).max(axis=1)
            bad = (~(trial_norm <= (1 - 1e-4 * t) * cur_norm)) & (t >= 1e-6)
        if not np.all((trial_norm < cur_norm) | (trial_norm <= TOLERANCE)):
            raise RuntimeError("the Newton iteration stalled")
        y[active] = trial_y
        iterations[active] = it
        conv = trial_norm <= TOLERANCE
        ci = active[conv]
        final_ln_p[ci] = trial[4][conv]
        final_flow[ci] = trial[6][conv] * np.exp(trial_y[conv])[:, :, None]
        keep = ~conv
        active = active[keep]
        cur = tuple(s[keep] for s in trial)
        cur_norm = trial_norm[keep]
    em, ex = mk["em"], mk["ex"]
    m0 = mk["flows"]
    flow_ratio = np.where(m0 > 0, final_flow, 1.0)
    imports = su["theta_sum"] > 0
    ln_p = np.where(imports, final_ln_p, 0.0)
    k_cs = 1 + em
    with np.errstate(invalid="ignore", divide="ignore"):
        cs = -su["expenditure"] * np.where(k_cs == 0, ln_p, np.expm1(k_cs * ln_p) / k_cs)
        k_ps = np.where(su["unknown"], ex + 1, 1.0)
        ps = np.where(y == 0, 0.0, su["exports"] * np.expm1(k_ps * y) / k_ps)
    return dict(x=np.expm1(y), composite=np.where(imports, np.expm1(ln_p), 0.0), flow_ratio=flow_ratio, cs=cs, ps=ps,
                revenue=revenue(mk, flow_ratio), iterations=iterations)


def solve_linear(mk, su):
    """GSIM's linear model: the clearing system in the world price changes, one batched solve."""
    ratio = mk["power1"] / mk["power0"]
    dt = ratio - 1
    theta, phi, unknown = su["theta"], su["phi"], su["unknown"]
    em, es, ex = mk["em"], mk["es"], mk["ex"]
    emes = em + es
    n = em.shape[1]
    tc = np.einsum("ksv,ksv->kv", theta, dt)             # composite tariff change by importer
    diag = np.einsum("krv,kv->kr", phi, es) + np.where(unknown, ex, 0.0)
    a = diag[:, :, None] * np.eye(n) - np.einsum("krv,kv,ksv->krs", phi, emes, theta)
    a = np.where(unknown[:, :, None], a, np.eye(n))
    rhs = np.einsum("krv,krv->kr", phi, emes[:, None, :] * tc[:, None, :] - es[:, None, :] * dt)
    rhs = np.where(unknown, rhs, 0.0)
    x = np.linalg.solve(a, rhs[:, :, None])[:, :, 0]
    dp = tc + np.einsum("ksv,ks->kv", theta, x)          # first order, drives demand
    dp_welfare = np.einsum("ksv,ksv->kv", theta, (1 + x)[:, :, None] * ratio - 1)
    mhat = emes[:, None, :] * dp[:, None, :] - es[:, None, :] * (dt + x[:, :, None])
    flow_ratio = np.where(mk["flows"] > 0, (1 + mhat) * (1 + x)[:, :, None], 1.0)
    r0 = su["expenditure"]
    cs = em * r0 * dp_welfare * dp_welfare * np.sign(dp_welfare) / 2 - r0 * dp_welfare
    ps = np.where(x == 0, 0.0, su["exports"] * x * (1 + np.where(unknown, ex, 0.0) * x / 2))
    return dict(x=x, composite=dp_welfare, flow_ratio=flow_ratio, cs=cs, ps=ps, revenue=revenue(mk, flow_ratio),
                iterations=np.zeros(len(x), dtype=np.int32))


def revenue(mk, flow_ratio):
    """sum_s M1 rate1 - M0 rate0 by importer, ad valorem rates T - 1."""
    m0 = mk["flows"]
    return np.einsum("ksv->kv", m0 * flow_ratio * (mk["power1"] - 1) - m0 * (mk["power0"] - 1))


def compare(java, py, scale):
    """Largest absolute and relative differences. Relative: |java - numpy| / max(|java|, |numpy|, floor),
    the floor 1e-6 for fractions and ratios, 1e-6 of the market's total base flows for welfare and
    revenue (so values near zero do not divide by nothing); welfare also relative to those flows."""
    lines = []
    for name in ("x", "composite", "flow_ratio", "cs", "ps", "revenue"):
        a, b = java[name], py[name]
        usd = name in ("cs", "ps", "revenue")
        ref = (scale[:, None] if usd else np.ones((len(a), 1))).reshape((len(a),) + (1,) * (a.ndim - 1))
        diff = np.abs(a - b)
        rel = diff / np.maximum(np.maximum(np.abs(a), np.abs(b)), 1e-6 * ref)
        line = f"  {name:<11} max abs {diff.max():.2e}, max rel {rel.max():.2e}"
        if usd:
            line += f", max abs / market's total base flows {(diff / ref).max():.2e}"
        lines.append(line)
    worst = max(np.abs(java[k] - py[k]).max() for k in ("x", "composite", "flow_ratio"))
    return lines, worst


def timed(fn, mk, su, passes):
    fn(mk, su)                                            # warm: first-call costs out of the timing
    walls, cpus = [], []
    for _ in range(passes):
        w0, c0 = time.perf_counter(), time.process_time()
        out = fn(mk, su)
        cpus.append(time.process_time() - c0)
        walls.append(time.perf_counter() - w0)
    return out, min(walls), float(np.median(walls)), min(cpus), float(np.median(cpus))


def main(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    folder = argv[0]
    passes = int(argv[argv.index("--passes") + 1]) if "--passes" in argv else 7
    mk = read_markets(os.path.join(folder, "markets.bin"))
    count, n = mk["em"].shape
    timings = dict(line.strip().split("=", 1) for line in open(os.path.join(folder, "timings.txt")) if "=" in line)
    su = setup(mk)
    scale = mk["flows"].sum(axis=(1, 2))
    print(f"{count:,} markets of {n} regions, numpy {np.__version__}, {passes} timed passes after one warm pass; "
          f"load average before: {' '.join(open('/proc/loadavg').read().split()[:3])}")
    ok = True
    for name, fn in (("ces", solve_ces), ("linear", solve_linear)):
        java = read_solutions(os.path.join(folder, name + ".bin"), count, n)
        py, wall, wall_med, cpu, cpu_med = timed(fn, mk, su, passes)
        jw, jc = float(timings[name + ".wall_us"]), float(timings[name + ".cpu_us"])
        pw, pc = wall / count * 1e6, cpu / count * 1e6
        print(f"{name}: java {jw:.3f} us per solve (CPU {jc:.3f}), numpy {pw:.3f} us (CPU {pc:.3f}; median of passes "
              f"{wall_med / count * 1e6:.3f} / {cpu_med / count * 1e6:.3f}): ratio numpy/java {pw / jw:.1f}x wall, "
              f"{pc / jc:.1f}x CPU")
        if name == "ces":
            print(f"  Newton iterations per solve: java {java['iterations'].mean():.2f}, numpy "
                  f"{py['iterations'].mean():.2f}")
        lines, worst = compare(java, py, scale)
        print("\n".join(lines))
        ok = ok and worst < 1e-6
    print(f"java timings from timings.txt (load average then: {timings.get('load', '?')}); load average now: "
          f"{' '.join(open('/proc/loadavg').read().split()[:3])}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
