"""Where a student's time went in one batch run: per student, the whole grading (result.json
seconds), the app probe (evidence app.durationMs) and the rest (AWS collection, rubric, writing),
plus the timing phase's pair count, and each probe phase's wall time as the probe recorded it
(evidence app.phasesMs, where present). Prints medians and maxima.

    python3 bench/batch/profile.py RESULTS_DIR
"""
import glob
import json
import os
import statistics
import sys


def main(out):
    total, probe, rest, pairs = [], [], [], []
    phase, app_ms, base_ms, base_rep = [], [], [], []
    phases = {}
    for res in glob.glob(os.path.join(out, "*", "result.json")):
        with open(res) as f:
            seconds = json.load(f)["seconds"]
        total.append(seconds)
        with open(os.path.join(os.path.dirname(res), "evidence.json")) as f:
            app = (json.load(f).get("app") or {}).get("value") or {}
        for name, ms in (app.get("phasesMs") or {}).items():
            phases.setdefault(name, []).append(ms / 1000)
        if "durationMs" in app:
            probe.append(app["durationMs"] / 1000)
            rest.append(seconds - app["durationMs"] / 1000)
        timing = (app.get("timing") or {}).get("value") or {}
        if "pairs" in timing:
            pairs.append(timing["pairs"])
            # the timing phase is sequential: its length is the requests times the client latencies
            a, b = timing["appClient"], timing["baselineClient"]
            phase.append((a["count"] * a["mean"] + b["count"] * b["mean"]) / 1000)
            app_ms.append(a["mean"])
            base_ms.append(b["mean"])
            base_rep.append(timing["baselineReported"]["mean"])
    if not total:
        print("profile: no result.json in", out)
        return

    def fig(xs, unit="s"):
        return "n/a" if not xs else "median %.1f%s, max %.1f%s" % (statistics.median(xs), unit, max(xs), unit)
    print("profile: %d students; per student: grading %s; app probe %s; rest (AWS, rubric, files) %s; "
          "sum of grading %.0fs; timing pairs %s" % (len(total), fig(total), fig(probe), fig(rest), sum(total),
                                                     fig(pairs, "")))
    print("profile: timing phase (sequential GETs, both apps) %s; mean client latency: cache app %s, no-cache app "
          "%s (of which the no-cache app's own reported time %s)" % (fig(phase), fig(app_ms, " ms"),
                                                                     fig(base_ms, " ms"), fig(base_rep, " ms")))
    if phases:
        print("profile: probe phases (app.phasesMs), per student: " + "; ".join(
            "%s %s" % (name, fig(xs)) for name, xs in phases.items() if max(xs) >= 0.05))


if __name__ == "__main__":
    main(sys.argv[1])
